using System.Text.RegularExpressions;
using MusicEmotion.Audio;

namespace MusicEmotion.Cli.Tests;

/// <summary>Errors classify themselves: the exit code follows the exception's kind, and a bug is reported as one, with its stack trace in a log file.</summary>
public sealed class CommandFailureTests
{
    public static TheoryData<Exception, int> Cases() => new()
    {
        { new AudioFormatException("song.mp3", "truncated"), ExitCodes.InputError },
        { new CliInputException("--jobs must be 1 or more"), ExitCodes.InputError },
        { new AudioDecoderException("song.flac", "needs ffmpeg"), ExitCodes.EnvironmentError },
        { new IOException("No space left on device"), ExitCodes.IoError },
        { new UnauthorizedAccessException("Access to the path is denied."), ExitCodes.IoError },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Input_environment_and_io_errors_are_one_line_with_their_exit_code(Exception exception, int expected)
    {
        var error = new StringWriter();

        int code = await CommandFailure.GuardAsync(error, () => throw exception);

        code.Should().Be(expected);
        error.ToString().Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("mer: ").And.Contain(exception.Message).And.NotContain(" at ");
    }

    [Theory]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(NotSupportedException))]
    [InlineData(typeof(NullReferenceException))]
    public async Task A_bug_exits_70_with_its_stack_trace_in_a_log_not_on_the_terminal(Type type)
    {
        var error = new StringWriter();
        var bug = (Exception)Activator.CreateInstance(type, "something the code did not expect")!;

        int code = await CommandFailure.GuardAsync(error, () => Task.FromException<int>(Thrown(bug)));

        code.Should().Be(ExitCodes.InternalError);
        string line = error.ToString().Trim();
        line.Split('\n').Should().ContainSingle();
        line.Should().StartWith("mer: internal error").And.Contain(type.Name).And.NotContain("mer: error:").And.NotContain(" at ");
        string log = Regex.Match(line, @"details in (\S+\.log)\)").Groups[1].Value;
        File.Exists(log).Should().BeTrue(line);
        string text = File.ReadAllText(log);
        File.Delete(log);
        text.Should().Contain(type.FullName!).And.Contain(nameof(Thrown), "the log holds the stack trace");
    }

    [Fact]
    public async Task Cancellation_is_its_own_exit_code()
    {
        var error = new StringWriter();
        (await CommandFailure.GuardAsync(error, () => throw new OperationCanceledException())).Should().Be(ExitCodes.Cancelled);
        error.ToString().Should().Contain("cancelled");
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
