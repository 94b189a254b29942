using System.Text.Json;
using MusicEmotion.Cli.Commands;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Cli.Tests.Commands;

public sealed class JourneyCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The demo piece cut in two: its calm half and its energetic half, as WAV files.</summary>
    private (string Calm, string Energetic) DemoHalves()
    {
        float[] piece = DemoCommand.Synthesize(40);
        int half = piece.Length / 2;
        string calm = _dir.File("calm.wav"), energetic = _dir.File("energetic.wav");
        File.WriteAllBytes(calm, PcmWav.Encode16(piece.AsSpan(0, half).ToArray(), 22050, 1));
        File.WriteAllBytes(energetic, PcmWav.Encode16(piece.AsSpan(half).ToArray(), 22050, 1));
        return (calm, energetic);
    }

    [RequiresShippedModelFact]
    public async Task Plans_the_calmer_song_first_from_calm_to_energetic_as_json_and_m3u8()
    {
        (string calm, string energetic) = DemoHalves();
        string db = _dir.File("catalog.db"), playlist = _dir.File("list.m3u8");
        (await CliRunner.RunAsync("catalog", "add", energetic, calm, "--db", db)).ExitCode.Should().Be(0);

        var (code, output, error) = await CliRunner.RunAsync("journey", "--db", db, "--from", "calm", "--to", "energetic", "--songs", "2", "--format", "json");
        var (m3uCode, _, m3uError) = await CliRunner.RunAsync("journey", "--db", db, "--from", "calm", "--to", "energetic", "--songs", "2", "--out", playlist);

        code.Should().Be(0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        string[] order = json.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray();
        order.Should().HaveCount(2).And.OnlyHaveUniqueItems();
        using (var catalog = SqliteTrackCatalog.Open(db))
        {
            double MeanArousal(string id) => catalog.GetAsync(id).Result!.Timeline.Arousal.Average();
            MeanArousal(order[0]).Should().BeLessThan(MeanArousal(order[1]), "a journey from calm to energetic starts with the calmer song");
        }

        JsonElement second = json.RootElement.GetProperty("steps")[1];
        second.GetProperty("handOverJump").GetDouble().Should().BeGreaterThanOrEqualTo(0);
        second.GetProperty("explanation").GetString().Should().Contain("from the last song");
        json.RootElement.GetProperty("pathError").GetDouble().Should().BeGreaterThan(0);

        m3uCode.Should().Be(0, m3uError);
        string[] lines = File.ReadAllLines(playlist);
        lines[0].Should().Be("#EXTM3U");
        lines.Should().Contain("#PLAYLIST:calm -> energetic");
        lines.Where(l => l.StartsWith("#EXTINF:20,", StringComparison.Ordinal)).Should().HaveCount(2);
        lines.Where(l => !l.StartsWith('#')).Should().BeEquivalentTo(calm, energetic);
    }

    [Fact]
    public async Task Refuses_what_it_cannot_plan_with_the_reason_and_exit_code_2()
    {
        string db = _dir.File("catalog.db");
        string song = TestWav.Song(_dir.File("song.wav"), 22050, 5);
        float[] sine = Enumerable.Range(0, 22050 * 5).Select(i => 0.3f * MathF.Sin(2 * MathF.PI * 440 * i / 22050)).ToArray();
        string tone = _dir.File("tone.wav");
        File.WriteAllBytes(tone, MusicEmotion.Tests.Shared.PcmWav.Encode16(sine, 22050, 1));
        (await CliRunner.RunAsync(["catalog", "add", song, tone, "--db", db, .. AnalyzeFixtures.ModelArgs(_dir)])).ExitCode.Should().Be(0);

        var (withTone, toneOutput, toneError) = await CliRunner.RunAsync(["journey", "--db", db, "--from", "sad", "--to", "calm", "--songs", "2", "--format", "json", .. AnalyzeFixtures.ModelArgs(_dir)]);

        var (unknownMood, _, moodError) = await CliRunner.RunAsync("journey", "--db", db, "--from", "elated", "--to", "calm");
        var (both, _, bothError) = await CliRunner.RunAsync("journey", "--db", db, "--from", "sad", "--to", "calm", "--songs", "3", "--duration", "10m");
        var (noCatalog, _, catalogError) = await CliRunner.RunAsync("journey", "--db", _dir.File("missing.db"), "--from", "sad", "--to", "calm");
        var (badPath, _, pathError) = await CliRunner.RunAsync("journey", "--db", db, "--path", "0,0;2,0");
        var (disliked, _, dislikedError) = await CliRunner.RunAsync(["journey", "--db", db, "--from", "sad", "--to", "calm", "--dislike", song, .. AnalyzeFixtures.ModelArgs(_dir)]);

        withTone.Should().Be(0, toneError);
        toneError.Should().Contain("1 track(s) of the catalog hold no music");
        using (JsonDocument plan = JsonDocument.Parse(toneOutput))
        {
            plan.RootElement.GetProperty("noMusicTracks").GetInt32().Should().Be(1);
            plan.RootElement.GetProperty("steps").GetArrayLength().Should().Be(1, "a steady tone holds no music and is never planned");
        }

        unknownMood.Should().Be(2);
        moodError.Should().Contain("--from elated: not a mood").And.Contain("calm");
        both.Should().Be(2);
        bothError.Should().Contain("--songs or --duration, not both");
        noCatalog.Should().Be(2);
        catalogError.Should().Contain("no such catalog");
        badPath.Should().Be(2);
        pathError.Should().Contain("2,0: not a mood");
        disliked.Should().Be(2);
        dislikedError.Should().Contain("no track is left");
    }

    [Fact]
    public async Task Eval_journeys_refuses_a_negative_number_of_local_search_moves_before_any_work()
    {
        var (code, output, error) = await CliRunner.RunAsync("eval", "journeys", "--emotify", _dir.File("no-such-folder"), "--refinement-moves", "-1");

        code.Should().Be(2, error);
        output.Should().BeEmpty();
        error.Should().Contain("--refinement-moves must be between 0 and 1000000 (got -1)");
    }

    [Theory]
    [InlineData("3600", 3600)]
    [InlineData("90m", 5400)]
    [InlineData("1h30m", 5400)]
    [InlineData("45:00", 2700)]
    [InlineData("1:15:00", 4500)]
    public void Durations_read_in_the_usual_forms(string text, double seconds) =>
        JourneyCommand.ParseDuration(text).Should().Be(seconds);

    [Fact]
    public async Task Analyze_in_spotify_format_gives_spotify_fields_and_a_tempo_near_the_played_one()
    {
        (_, string energetic) = DemoHalves();

        var (code, output, error) = await CliRunner.RunAsync(["analyze", energetic, "--format", "spotify", .. AnalyzeFixtures.ModelArgs(_dir)]);

        code.Should().Be(0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        root.GetProperty("type").GetString().Should().Be("audio_features");
        root.GetProperty("id").GetString().Should().Be(await TrackId.ComputeAsync(energetic));
        root.GetProperty("duration_ms").GetInt64().Should().Be(20000);
        double tempo = root.GetProperty("tempo").GetDouble();
        new[] { tempo, tempo * 2, tempo / 2 }.Should().Contain(t => Math.Abs(t - 140) / 140 <= 0.04, $"the energetic half is played at 140 BPM (estimated {tempo})");
        root.GetProperty("key").GetInt32().Should().BeInRange(-1, 11);
        root.GetProperty("energy").GetDouble().Should().BeInRange(0, 1);
        root.GetProperty("valence").GetDouble().Should().BeInRange(0, 1);
        root.GetProperty("loudness").GetDouble().Should().BeInRange(-60, 0);
        foreach (string absent in AudioFeatures.UnmeasuredFields)
        {
            root.TryGetProperty(absent, out _).Should().BeFalse(absent);
        }
    }
}
