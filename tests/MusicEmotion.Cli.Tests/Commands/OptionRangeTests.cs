namespace MusicEmotion.Cli.Tests.Commands;

/// <summary>Whole-number options out of range are refused as bad input (exit 2) before any work, naming the option and its range.</summary>
public sealed class OptionRangeTests
{
    [Theory]
    [InlineData(new[] { "catalog", "status", "--postgres", "Host=nowhere.invalid", "--failures", "10001" }, "--failures must be between 0 and 10000 (got 10001)")]
    [InlineData(new[] { "catalog", "enqueue", "song.wav", "--postgres", "Host=nowhere.invalid", "--max-attempts", "0" }, "--max-attempts must be between 1 and 100 (got 0)")]
    [InlineData(new[] { "tag", "song.wav", "--jobs", "0" }, "--jobs must be at least 1 (got 0)")]
    [InlineData(new[] { "eval", "tempo-key", "--jobs", "-3" }, "--jobs must be at least 1 (got -3)")]
    [InlineData(new[] { "eval", "playlists", "--mpd", "mpd.json", "--features", "features.csv", "--k", "0" }, "--k must be at least 1 (got 0)")]
    [InlineData(new[] { "eval", "recommend", "--emotify", "emotify", "--k", "-1" }, "--k must be at least 1 (got -1)")]
    [InlineData(new[] { "eval", "recommend", "--emotify", "emotify", "--jobs", "0" }, "--jobs must be at least 1 (got 0)")]
    public async Task An_option_out_of_range_is_an_input_error_that_names_it(string[] args, string message)
    {
        var (code, output, error) = await CliRunner.RunAsync(args);

        code.Should().Be(ExitCodes.InputError, error);
        output.Should().BeEmpty();
        error.Trim().Should().Be($"mer: error: {message}");
    }
}
