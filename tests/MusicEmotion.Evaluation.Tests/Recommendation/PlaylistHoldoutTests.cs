using MusicEmotion.Evaluation.Playlists;

namespace MusicEmotion.Evaluation.Tests.Recommendation;

public sealed class PlaylistHoldoutTests : IDisposable
{
    private const string Header = "id,name,valence,danceability,energy,loudness,speechiness,acousticness,instrumentalness,liveness,tempo";
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Playlist(int pid, params string[] ids) =>
        $$"""{"pid": {{pid}}, "name": "p{{pid}}", "tracks": [{{string.Join(",", ids.Select((id, i) => $$"""{"pos": {{i}}, "track_uri": "spotify:track:{{id}}"}"""))}}]}""";

    [Fact]
    public void Hidden_tracks_found_in_the_top_k_are_counted_against_hand_computed_values()
    {
        // Two clusters in descriptor space; playlist 1 holds a1..a4, playlist 2 holds b1..b2 and one track without features.
        _folder.WriteText("mpd.json", $$"""{"info": {}, "playlists": [{{Playlist(1, "a1", "a2", "a3", "a4")}}, {{Playlist(2, "b1", "zz", "b2")}}, {{Playlist(3, "a1")}}]}""");
        string Row(string id, double x) => FormattableString.Invariant($"{id},{id},0.5,{x},0.5,-8,0.05,{1 - x},0.0,0.1,{100 + (20 * x)}");
        _folder.WriteText("features.csv", string.Join("\n", Header, Row("a1", 0.9), Row("a2", 0.92), Row("a3", 0.88), Row("a4", 0.91), Row("b1", 0.1), Row("b2", 0.12), Row("c1", 0.5), Row("a1", 0.3)) + "\n");

        IReadOnlyList<MpdPlaylist> playlists = MpdSliceReader.Read(Path.Combine(_folder.Path, "mpd.json"));
        SpotifyAudioFeatures features = SpotifyAudioFeatures.Read(Path.Combine(_folder.Path, "features.csv"));
        PlaylistHoldoutReport report = PlaylistHoldoutBenchmark.Run(playlists, features, k: 2, emotionWeight: 0.4, playlistTracksOnly: false);

        features.Count.Should().Be(7);
        features.Skipped.Should().Be(1, "a repeated id is skipped");
        report.Playlists.Should().Be(2);
        report.PlaylistsSkipped.Should().Be(1);
        report.CatalogTracks.Should().Be(7);
        // Playlist 1: seeds a1, a3 → the top 2 are a2 and a4, both hidden: 1.0. Playlist 2: seed b1 → b2 first (hidden), then c1: 0.5.
        report.DescriptorsPrecisionAtK.Should().BeApproximately(0.75, 1e-9);
        report.RandomPrecisionAtK.Should().BeApproximately(((2.0 / 5) + (1.0 / 6)) / 2, 1e-9);
        report.CombinedWeights.Should().Be("descriptors=0.6,emotion=0.4");
    }

    [Fact]
    public void Malformed_files_fail_with_a_dataset_error()
    {
        _folder.WriteText("bad.json", """{"playlists": [{"pid": 1, "tracks": [{"track_uri": "not a uri"}]}]}""");
        _folder.WriteText("notjson.json", "{ nope");
        _folder.WriteText("noplaylists.json", """{"info": {}}""");

        FluentActions.Invoking(() => MpdSliceReader.Read(Path.Combine(_folder.Path, "bad.json"))).Should().Throw<DatasetFormatException>().WithMessage("*track_uri*");
        FluentActions.Invoking(() => MpdSliceReader.Read(Path.Combine(_folder.Path, "notjson.json"))).Should().Throw<DatasetFormatException>().WithMessage("*not valid JSON*");
        FluentActions.Invoking(() => MpdSliceReader.Read(Path.Combine(_folder.Path, "noplaylists.json"))).Should().Throw<DatasetFormatException>();
        FluentActions.Invoking(() => MpdSliceReader.Read(Path.Combine(_folder.Path, "missing.json"))).Should().Throw<DatasetFormatException>();
    }

    [SkippableFact]
    public void The_real_playlist_fragment_reads_and_the_protocol_runs()
    {
        string mpd = SharedData.Require("mpd", "mpd.slice.0-999.first37_playlists.json");
        string csv = SharedData.Require("mpd", "spotify_track_features.csv");

        IReadOnlyList<MpdPlaylist> playlists = MpdSliceReader.Read(mpd);
        SpotifyAudioFeatures features = SpotifyAudioFeatures.Read(csv);
        PlaylistHoldoutReport report = PlaylistHoldoutBenchmark.Run(playlists, features, 10, 0.4);

        playlists.Should().HaveCount(37);
        playlists[0].Name.Should().Be("Throwbacks");
        playlists.SelectMany(p => p.TrackIds).Distinct().Should().HaveCount(1907);
        report.CatalogTracks.Should().Be(163);
        report.Playlists.Should().BeGreaterThan(10);
        report.DescriptorsPrecisionAtK.Should().BeGreaterThan(report.RandomPrecisionAtK, "similar audio features do find playlist neighbours");
    }
}
