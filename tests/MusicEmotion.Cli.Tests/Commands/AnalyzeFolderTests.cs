using System.Text.Json;

namespace MusicEmotion.Cli.Tests.Commands;

public sealed class AnalyzeFolderTests
{
    [Fact]
    public async Task Folder_batch_writes_a_line_per_file_and_survives_a_corrupt_one()
    {
        using var dir = new TempDirectory();
        string songs = Directory.CreateDirectory(dir.File("songs")).FullName;
        string nested = Directory.CreateDirectory(Path.Combine(songs, "album")).FullName;
        string a = TestWav.Song(Path.Combine(songs, "a.wav"), 22050, 3);
        string b = TestWav.Song(Path.Combine(nested, "b.WAV"), 16000, 2, channels: 2, seed: 220);
        string corrupt = Path.Combine(songs, "corrupt.mp3");
        File.WriteAllBytes(corrupt, Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        File.WriteAllText(Path.Combine(songs, "notes.txt"), "not audio, not picked up");
        string results = dir.File("results.jsonl");

        var (code, output, error) = await CliRunner.RunAsync(["analyze", songs, "--out", results, "--jobs", "2", .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(0, error);
        string[] lines = File.ReadAllLines(results);
        lines.Should().HaveCount(3);
        JsonDocument[] docs = lines.Select(l => JsonDocument.Parse(l)).ToArray();
        var byFile = docs.ToDictionary(d => d.RootElement.GetProperty("file").GetString()!);
        byFile.Keys.Should().BeEquivalentTo([a, b, corrupt]);

        byFile[a].RootElement.GetProperty("ok").GetBoolean().Should().BeTrue();
        byFile[a].RootElement.GetProperty("arousal").GetArrayLength().Should().Be(3);
        byFile[a].RootElement.GetProperty("summary").GetProperty("seconds").GetInt32().Should().Be(3);
        byFile[b].RootElement.GetProperty("ok").GetBoolean().Should().BeTrue();
        byFile[b].RootElement.GetProperty("valence").GetArrayLength().Should().Be(2);

        JsonElement failed = byFile[corrupt].RootElement;
        failed.GetProperty("ok").GetBoolean().Should().BeFalse();
        failed.GetProperty("error").GetString().Should().NotBeNullOrWhiteSpace();
        failed.TryGetProperty("arousal", out _).Should().BeFalse();

        output.Should().MatchRegex(@"analysed 2, failed 1 in [0-9.]+ s \([0-9.]+ songs/s\)");
        error.Should().Contain("analysed 3/3 (1 failed)");
        error.Should().Contain("mer: failed: " + corrupt);
        Directory.GetFiles(dir.Path, "*.tmp-*").Should().BeEmpty();
        foreach (JsonDocument doc in docs)
        {
            doc.Dispose();
        }
    }

    [Fact]
    public async Task All_files_failing_exits_with_input_error_but_keeps_the_record()
    {
        using var dir = new TempDirectory();
        string songs = Directory.CreateDirectory(dir.File("songs")).FullName;
        File.WriteAllText(Path.Combine(songs, "x.wav"), "garbage");
        File.WriteAllText(Path.Combine(songs, "y.flac"), "more garbage");
        string results = dir.File("results.jsonl");

        var (code, output, _) = await CliRunner.RunAsync(["analyze", songs, "--out", results, .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(ExitCodes.InputError);
        output.Should().Contain("analysed 0, failed 2");
        File.ReadAllLines(results).Should().HaveCount(2).And.OnlyContain(l => l.Contains("\"ok\":false"));
    }

    [Fact]
    public async Task Folder_without_out_is_an_input_error()
    {
        using var dir = new TempDirectory();
        TestWav.Song(dir.File("a.wav"), 22050, 1);

        var (code, _, error) = await CliRunner.RunAsync(["analyze", dir.Path, .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(ExitCodes.InputError);
        error.Should().StartWith("mer: error:").And.Contain("--out");
    }

    [Fact]
    public async Task Folder_without_audio_is_an_input_error_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        string empty = Directory.CreateDirectory(dir.File("empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "readme.txt"), "no audio here");
        string results = dir.File("results.jsonl");

        var (code, _, error) = await CliRunner.RunAsync(["analyze", empty, "--out", results, .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("no audio files");
        File.Exists(results).Should().BeFalse();
    }

    [Fact]
    public async Task Folder_with_format_or_plot_is_an_input_error()
    {
        using var dir = new TempDirectory();
        TestWav.Song(dir.File("a.wav"), 22050, 1);

        var (code, _, error) = await CliRunner.RunAsync(["analyze", dir.Path, "--out", dir.File("r.jsonl"), "--format", "csv", .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("--format and --plot apply to a single file");
    }

    [Fact]
    public async Task Out_into_a_missing_folder_is_an_input_error()
    {
        using var dir = new TempDirectory();
        TestWav.Song(dir.File("a.wav"), 22050, 1);

        var (code, _, error) = await CliRunner.RunAsync(["analyze", dir.Path, "--out", dir.File("missing/r.jsonl"), .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("does not exist");
    }

    [Fact]
    public async Task Neither_file_nor_folder_is_an_input_error()
    {
        var (code, output, error) = await CliRunner.RunAsync(["analyze", "/no/such/place"]);

        code.Should().Be(ExitCodes.InputError);
        output.Should().BeEmpty();
        error.Trim().Should().Be("mer: error: /no/such/place: no such file or folder");
    }
}
