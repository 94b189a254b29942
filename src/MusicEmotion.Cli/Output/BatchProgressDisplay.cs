using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace MusicEmotion.Cli.Output;

/// <summary>
/// Shows the progress of a batch: a Spectre.Console bar when the error stream is the interactive console, plain lines
/// otherwise (every tenth of the batch, at most every 5 seconds, and at the end), so logs stay readable.
/// </summary>
internal static class BatchProgressDisplay
{
    /// <summary>Runs <paramref name="body"/>, which reports <c>(completed, failed)</c> through the callback it is given.</summary>
    public static async Task RunAsync(TextWriter error, int total, string verb, Func<Action<int, int>, Task> body)
    {
        string label = $"{verb} {total} files";
        if (ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected)
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    ProgressTask task = context.AddTask(label, maxValue: total);
                    await body((completed, failed) =>
                    {
                        task.Value = completed;
                        task.Description = failed == 0 ? label : $"{label} ({failed} failed)";
                    }).ConfigureAwait(false);
                }).ConfigureAwait(false);
            return;
        }

        var clock = Stopwatch.StartNew();
        int step = Math.Max(1, total / 10);
        long lastReport = 0;
        await body((completed, failed) =>
        {
            long now = clock.ElapsedMilliseconds;
            if (completed % step == 0 || completed == total || now - lastReport >= 5000)
            {
                lastReport = now;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{verb} {completed}/{total} ({failed} failed)"));
            }
        }).ConfigureAwait(false);
    }
}
