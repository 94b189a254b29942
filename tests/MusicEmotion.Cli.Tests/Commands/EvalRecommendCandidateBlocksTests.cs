namespace MusicEmotion.Cli.Tests.Commands;

/// <summary><c>mer eval recommend --candidate-blocks</c> on a small Emotify-layout folder of real clips: one analysis per clip, cached beside the catalog.</summary>
public sealed class EvalRecommendCandidateBlocksTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task Candidate_blocks_are_captured_once_cached_and_reported_per_half()
    {
        string emotify = SharedData.Require("emotify");
        string[] trackLines = File.ReadAllLines(Path.Combine(emotify, "tracks.csv"));
        string[] chosen = trackLines.Skip(1).Where((_, i) => i % 17 == 0).Take(12).ToArray();
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
        string db = _dir.File("cache.db");
        string[] args = ["eval", "recommend", "--emotify", root, "--k", "3", "--db", db, "--candidate-blocks", .. AnalyzeFixtures.ModelArgs(_dir)];

        var (code, output, error) = await CliRunner.RunAsync(args);
        var (again, againOutput, againError) = await CliRunner.RunAsync(args);

        code.Should().Be(0, error);
        string cache = db + ".candidates.jsonl";
        File.ReadAllLines(cache).Should().HaveCount(24, "one line of candidate blocks per clip, then one with its melody block");
        error.Should().Contain("analysed 12/12 (0 cached, 0 failed)");
        output.Should().Contain("candidate blocks: descriptors 55, emotion 12, arc 64, timbre 168, notes 0, mfcc 40, melody 20 values",
            "the test model's recipe has a 64-band log-mel and no note kinds");
        output.Should().MatchRegex(@"descriptors\+emotion \(default\)\s+0\.\d{4} 0\.\d{4} 0\.\d{4} \|");
        output.Should().MatchRegex(@"d e a \+ timbre\s+(\d\.\d ){6}\d\.\d\s+-> 0\.\d{4} 0\.\d{4} \|");
        output.Should().Contain("random halves: 10 splits of the queries").And.MatchRegex(@"d e a \+ notes\s+0\.\d{4}\s+[+-]?0\.\d{4}\s+\d+ / \d+ / \d+");
        again.Should().Be(0, againError);
        againError.Should().Contain("analysed 12/12 (12 cached, 0 failed)", "the second run reads the blocks from the cache and analyses nothing");
        File.ReadAllLines(cache).Should().HaveCount(24);
        againOutput.Should().Be(output, "the same blocks give the same report");
    }
}
