namespace MusicEmotion.Cli.Tests.Commands;

/// <summary><c>mer dataset export</c> and <c>mer dataset notes</c>: the dataset options they share, read alike.</summary>
public sealed class DatasetCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("export", "give at least one of --4q, --dynamic, --mood or --reference")]
    [InlineData("notes", "give the dataset folders the export was made from (--4q, --dynamic, --mood or --reference, with the same set names)")]
    public async Task Without_a_dataset_folder_it_is_an_input_error_and_nothing_is_written(string subcommand, string message)
    {
        string output = _dir.File("out");

        var (code, printed, error) = await CliRunner.RunAsync("dataset", subcommand, "--out", output);

        code.Should().Be(ExitCodes.InputError, error);
        printed.Should().BeEmpty();
        error.Trim().Should().Be($"mer: error: {message}");
        Directory.Exists(Path.Combine(output, "notes")).Should().BeFalse();
    }

    [Fact]
    public async Task Export_reads_named_sets_of_two_kinds_and_reports_progress_and_skipped_clips()
    {
        _dir.Write("4q/Q1/a.wav", TestSignals.Wav16(TestSignals.Mono(2, 22050), 22050, 1));
        _dir.Write("4q/Q3/c.wav", TestSignals.Wav16(TestSignals.Mono(2, 22050, seed: 1), 22050, 1));
        byte[] garbage = new byte[4000];
        new Random(3).NextBytes(garbage);
        _dir.Write("4q/Q4/broken.mp3", garbage);
        _dir.WriteText("4q/labels.csv", "song,quadrant,audio,split\na,Q1,Q1/a.wav,train\nc,Q3,Q3/c.wav,train\nbroken,Q4,Q4/broken.mp3,train\n");
        _dir.Write("ref/x.wav", TestSignals.Wav16(TestSignals.Mono(2, 22050, seed: 2), 22050, 1));
        string output = _dir.File("out");

        var (code, printed, error) = await CliRunner.RunAsync(
            "dataset", "export", "--4q", $"mine={_dir.File("4q")}", "--reference", _dir.File("ref"), "--out", output, "--jobs", "2");

        code.Should().Be(ExitCodes.Success, error);
        printed.Should().Contain("exported 3 clips (1 skipped)");
        error.Should().Contain("exported 4/4").And.Contain("mer: skipped mine/broken: ");
        string[] rows = File.ReadAllLines(Path.Combine(output, "index.csv"))[1..];
        rows.Select(r => r.Split(',')[0]).Should().Equal("mine", "mine", "reference");
    }
}
