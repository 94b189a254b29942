using System.CommandLine;
using System.Globalization;
using MusicEmotion.Cli.Output;
using MusicEmotion.Evaluation.Playlists;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer eval playlists --mpd &lt;file&gt; --features &lt;csv&gt;</c>: the original study's playlist hold-out protocol on
/// Million Playlist Dataset playlists with Spotify audio features.
/// </summary>
internal static class EvalPlaylistsCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var mpd = new Option<string>("--mpd") { Description = "A Million Playlist Dataset slice (mpd.slice.*.json).", Required = true };
        var features = new Option<string>("--features") { Description = "A CSV of Spotify audio features with an id column (the catalog to recommend from).", Required = true };
        var k = CommonOptions.K("Cut-off of precision@k (default 10).");
        var json = CommonOptions.Json();
        var catalogScope = new Option<string>("--catalog")
        {
            Description = "Recommend from: playlists (the playlists' tracks that have features, as the study did; default) or features (every track of the features file).",
            DefaultValueFactory = _ => "playlists",
        };
        catalogScope.AcceptOnlyFromAmong("playlists", "features");
        var command = new Command("playlists", "The original study's protocol: hide half of each playlist, recommend k from the others, score precision@k (descriptors vs descriptors + emotion).")
        {
            mpd, features, k, json, catalogScope,
        };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            int cutoff = CommonOptions.Cutoff(parse, k);
            string? jsonPath = CommonOptions.JsonPath(parse, json);

            IReadOnlyList<MpdPlaylist> playlists = MpdSliceReader.Read(parse.GetValue(mpd)!);
            SpotifyAudioFeatures catalog = SpotifyAudioFeatures.Read(parse.GetValue(features)!);
            PlaylistHoldoutReport report = await Task.Run(
                () => PlaylistHoldoutBenchmark.Run(playlists, catalog, cutoff, BlockWeights.Default.ShareOf(VectorBlock.EmotionStatistics), parse.GetValue(catalogScope) == "playlists"),
                cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(string.Join(Environment.NewLine,
                string.Create(C, $"{report.Playlists} playlists evaluated ({report.PlaylistsSkipped} with fewer than 2 tracks with features skipped); catalog of {report.CatalogTracks} tracks"),
                string.Create(C, $"condition                 precision@{report.K}"),
                string.Create(C, $"  random (expected)       {report.RandomPrecisionAtK,10:0.0000}"),
                string.Create(C, $"  descriptors only        {report.DescriptorsPrecisionAtK,10:0.0000}"),
                string.Create(C, $"  descriptors + emotion   {report.CombinedPrecisionAtK,10:0.0000}"),
                $"  (combined weights: {report.CombinedWeights}; emotion = valence and energy)")).ConfigureAwait(false);
            if (catalog.Skipped > 0)
            {
                await error.WriteLineAsync(string.Create(C, $"mer: skipped {catalog.Skipped} feature rows (repeated ids or missing or invalid values)")).ConfigureAwait(false);
            }

            if (jsonPath is not null)
            {
                OutputPaths.WriteAtomically(jsonPath, report.ToJson());
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
