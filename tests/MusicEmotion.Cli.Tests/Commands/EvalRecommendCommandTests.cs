using System.Text.Json;

namespace MusicEmotion.Cli.Tests.Commands;

public sealed class EvalRecommendCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task Eval_recommend_reports_every_condition_on_any_emotify_layout_folder()
    {
        // A 16-track Emotify-layout folder made of real clips and their real ratings.
        string emotify = SharedData.Require("emotify");
        string[] trackLines = File.ReadAllLines(Path.Combine(emotify, "tracks.csv"));
        string[] chosen = trackLines.Skip(1).Where((_, i) => i % 12 == 0).Take(16).ToArray();
        var ids = chosen.Select(l => l.Split(',')[0]).ToHashSet();
        string root = Directory.CreateDirectory(_dir.File("emotify-part")).FullName;
        foreach (string line in chosen)
        {
            string audio = line.Split(',')[2];
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, audio))!);
            File.Copy(Path.Combine(emotify, audio), Path.Combine(root, audio));
        }

        File.WriteAllLines(Path.Combine(root, "tracks.csv"), [trackLines[0], .. chosen]);
        string[] ratings = File.ReadAllLines(Path.Combine(emotify, "ratings.csv"));
        File.WriteAllLines(Path.Combine(root, "ratings.csv"), [ratings[0], .. ratings.Skip(1).Where(l => ids.Contains(l.Split(',')[0]))]);
        string json = _dir.File("eval.json");
        string db = _dir.File("cache.db");

        var (code, output, error) = await CliRunner.RunAsync(["eval", "recommend", "--emotify", root, "--k", "3", "--db", db, "--json", json, .. AnalyzeFixtures.ModelArgs(_dir)]);
        var (again, againOutput, againError) = await CliRunner.RunAsync(["eval", "recommend", "--emotify", root, "--k", "3", "--db", db,
            "--library-sizes", "3,8", "--libraries", "2", .. AnalyzeFixtures.ModelArgs(_dir)]);

        code.Should().Be(0, error);
        output.Should().Contain("16 tracks, each a query; relevant = the 2 others").And.Contain("descriptors + emotion").And.Contain("random (expected)");
        again.Should().Be(0);
        againError.Should().Contain("analysed 16/16 (16 cached, 0 failed)");
        againOutput.Should().Contain("small libraries: 2 random libraries per size").And.MatchRegex(@"\n\s+3\s+1\s+0\.5000\s").And.MatchRegex(@"\n\s+8\s+1\s+0\.1429\s");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement r = doc.RootElement;
        r.GetProperty("k").GetInt32().Should().Be(3);
        r.GetProperty("n").GetInt32().Should().Be(16);
        foreach (string condition in new[] { "random", "descriptors", "emotion", "arc", "combined" })
        {
            r.GetProperty(condition).GetProperty("precisionAtK").GetDouble().Should().BeInRange(0, 1);
            r.GetProperty(condition).GetProperty("ndcgAtK").GetDouble().Should().BeInRange(0, 1);
        }

        r.GetProperty("random").GetProperty("precisionAtK").GetDouble().Should().BeApproximately(2 / 15.0, 1e-9);
    }

    [SkippableFact]
    public async Task Eval_playlists_runs_the_hold_out_protocol_on_the_real_fragment()
    {
        string mpd = SharedData.Require("mpd", "mpd.slice.0-999.first37_playlists.json");
        string features = SharedData.Require("mpd", "spotify_track_features.csv");
        string json = _dir.File("playlists.json");

        var (code, output, error) = await CliRunner.RunAsync(["eval", "playlists", "--mpd", mpd, "--features", features, "--json", json]);

        code.Should().Be(0, error);
        output.Should().Contain("playlists evaluated").And.Contain("catalog of 163 tracks").And.Contain("descriptors + emotion");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
        doc.RootElement.GetProperty("k").GetInt32().Should().Be(10);
        doc.RootElement.GetProperty("descriptorsPrecisionAtK").GetDouble().Should().BeInRange(0, 1);
        var (badCode, _, badError) = await CliRunner.RunAsync(["eval", "playlists", "--mpd", features, "--features", features]);
        badCode.Should().Be(2);
        badError.Should().Contain("not valid JSON");
    }
}
