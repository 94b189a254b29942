namespace MusicEmotion.Cli.Tests;

public sealed class InfoCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Prints_format_channels_rate_duration_and_decoder()
    {
        string wav = TestWav.Sine(_dir.File("tone.wav"), 44100, 2.5, channels: 2);
        var (code, output, error) = await CliRunner.RunAsync("info", wav);
        code.Should().Be(ExitCodes.Success, error);
        output.Should().Contain("WAV PCM 16-bit").And.Contain("decoder:      wav").And.Contain("channels:     2")
            .And.Contain("sample rate:  44100 Hz").And.Contain("duration:     2.500 s");
    }

    [Theory]
    [InlineData("missing.wav", "file not found")]
    [InlineData("", "is a directory")]
    [InlineData("garbage.wav", "not a recognised audio format")]
    [InlineData("empty.mp3", "empty")]
    public async Task A_bad_file_gives_one_line_and_a_non_zero_exit_code(string name, string problem)
    {
        File.WriteAllBytes(_dir.File("garbage.wav"), "this is not audio at all"u8.ToArray());
        File.WriteAllBytes(_dir.File("empty.mp3"), []);
        string path = name.Length == 0 ? _dir.Path : _dir.File(name);

        var (code, output, error) = await CliRunner.RunAsync("info", path);

        code.Should().Be(ExitCodes.InputError);
        output.Should().BeEmpty();
        error.Trim().Should().StartWith("mer: error: ").And.Contain(problem);
        error.Trim().Split('\n').Should().HaveCount(1, "one line, no stack trace");
        error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task Missing_arguments_and_unknown_options_are_usage_errors()
    {
        var (missing, _, missingError) = await CliRunner.RunAsync("info");
        missing.Should().Be(ExitCodes.UsageError);
        missingError.Should().NotBeEmpty();

        var (code, _, error) = await CliRunner.RunAsync("info", "a.wav", "--bogus");
        code.Should().Be(ExitCodes.UsageError);
        error.Should().NotBeEmpty();
    }
}
