using System.Globalization;

namespace MusicEmotion.Cli;

/// <summary>
/// Turns what a command raises into one line on the error stream and an exit code (<see cref="ExitCodes.For"/>): bad
/// input and the environment as a plain message, a bug as such, with its stack trace in a log file
/// (<see cref="CrashLogFolder"/>), never on the terminal and never as an input error.
/// </summary>
internal static class CommandFailure
{
    /// <summary>The variable that names the folder of internal-error logs (default: <c>mer</c> in the temporary folder).</summary>
    public const string LogFolderVariable = "MER_LOG_DIR";

    /// <summary>Where internal-error logs are written.</summary>
    public static string CrashLogFolder =>
        Environment.GetEnvironmentVariable(LogFolderVariable) is { Length: > 0 } folder ? folder : Path.Combine(Path.GetTempPath(), "mer");

    /// <summary>Runs <paramref name="body"/>, reporting what it raises as one line on <paramref name="error"/>.</summary>
    public static async Task<int> GuardAsync(TextWriter error, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("mer: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            return await ReportAsync(error, ex).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the line for <paramref name="exception"/> (and, for a bug, its log) and returns its exit code.</summary>
    /// <param name="error">The error stream.</param>
    /// <param name="exception">What was raised.</param>
    /// <param name="subject">What failed (e.g. a batch's file), named first unless the message names it.</param>
    /// <param name="verb">The line's word for bad input and the environment: <c>mer: error: ...</c> or, for one file of a batch, <c>mer: failed: ...</c>.</param>
    public static async Task<int> ReportAsync(TextWriter error, Exception exception, string? subject = null, string verb = "error")
    {
        int code = ExitCodes.For(exception);
        string message = OneLine(exception.Message);
        if (subject is not null && !message.Contains(subject, StringComparison.Ordinal))
        {
            message = $"{subject}: {message}";
        }

        string line = code switch
        {
            ExitCodes.InternalError => $"mer: internal error (a bug; please report it with the log): {exception.GetType().Name}: {message} (details in {WriteLog(exception)})",
            ExitCodes.IoError => $"mer: I/O error: {message}",
            _ => $"mer: {verb}: {message}",
        };
        await error.WriteLineAsync(line).ConfigureAwait(false);
        return code;
    }

    /// <summary>Writes <paramref name="exception"/> with its stack trace to a new log file and returns its path (or why there is none).</summary>
    private static string WriteLog(Exception exception)
    {
        try
        {
            string folder = CrashLogFolder;
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture,
                $"mer-error-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}.log"));
            File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture,
                $"mer {typeof(CommandFailure).Assembly.GetName().Version} on {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:O}\n{Environment.CommandLine}\n\n{exception}\n"));
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"no log: {CrashLogFolder} cannot be written ({OneLine(ex.Message)})";
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
