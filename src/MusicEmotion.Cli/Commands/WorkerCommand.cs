using System.CommandLine;
using System.Globalization;
using MusicEmotion.Cli.Output;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.PostgreSql;
using MusicEmotion.Recommend.PostgreSql.Jobs;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer worker --postgres "&lt;connection string&gt;" [--concurrency N] [--exit-when-idle]</c>: analyses the files queued
/// with <c>mer catalog enqueue</c> into the shared catalog. Run any number, on any number of machines; stop one with
/// Ctrl+C (its jobs in progress are given back) or kill it (its leases expire and another worker takes the jobs up).
/// </summary>
/// <remarks>Exit code 0 when it stopped because the queue was drained (or was stopped), 2 when the database failed.</remarks>
internal static class WorkerCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var catalogOptions = CatalogOptions.PostgresOnly();
        var concurrency = new Option<int>("--concurrency") { Description = "Files analysed at once (default: number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var exitWhenIdle = new Option<bool>("--exit-when-idle") { Description = "Stop once no job is pending or running, instead of waiting for more." };
        var lease = new Option<double>("--lease-seconds") { Description = "Lease on a claimed job, renewed every third of it; a dead worker's jobs are taken up this long after it died (default 120).", DefaultValueFactory = _ => 120 };
        var retryDelay = new Option<double>("--retry-delay-seconds") { Description = "A failed file is tried again after this delay times its attempt number (default 30).", DefaultValueFactory = _ => 30 };
        var poll = new Option<double>("--poll-seconds") { Description = "How often an idle worker asks for work (default 2).", DefaultValueFactory = _ => 2 };
        var model = ModelOptions.ModelPath();
        var card = ModelOptions.CardPath();
        var command = new Command("worker", "Analyse queued files into a shared PostgreSQL catalog (see `mer catalog enqueue`); run many, anywhere.")
        {
            concurrency, exitWhenIdle, lease, retryDelay, poll, model, card,
        };
        catalogOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            var options = new AnalysisWorkerOptions
            {
                Concurrency = parse.GetValue(concurrency),
                ExitWhenIdle = parse.GetValue(exitWhenIdle),
                LeaseDuration = Seconds(parse.GetValue(lease), "--lease-seconds"),
                RetryDelay = Seconds(parse.GetValue(retryDelay), "--retry-delay-seconds"),
                PollInterval = Seconds(parse.GetValue(poll), "--poll-seconds"),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new CliInputException(ex.Message);
            }

            await using PostgresTrackCatalog catalog = await catalogOptions.OpenPostgresAsync(parse, cancellationToken).ConfigureAwait(false);
            using EmotionAnalyzer emotion = ModelOptions.CreateAnalyzer(parse.GetValue(model), parse.GetValue(card));
            var analyzer = new TrackAnalyzer(emotion);
            var worker = new AnalysisWorker(new AnalysisJobQueue(catalog), analyzer, options);
            await error.WriteLineAsync(string.Create(C, $"worker {options.WorkerId}: {options.Concurrency} at a time on {catalog.Name}")).ConfigureAwait(false);
            var progress = new SynchronousProgress<AnalysisJobResult>(r =>
            {
                string? line = r.Outcome switch
                {
                    AnalysisJobOutcome.Retrying => $"mer: attempt {r.Attempt} failed, will retry: {r.Error}",
                    AnalysisJobOutcome.SetAside => $"mer: failed, set aside after {r.Attempt} attempt(s): {r.Error}",
                    AnalysisJobOutcome.LeaseLost => $"mer: {r.Path}: {r.Error}",
                    _ => null,
                };
                if (line is not null)
                {
                    error.WriteLine(line.Contains(r.Path, StringComparison.Ordinal) ? line : $"{line} ({r.Path})");
                }
            });
            AnalysisWorkerSummary s = await worker.RunAsync(progress, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(C,
                $"added {s.Added}, {(s.Reanalysed > 0 ? $"re-analysed {s.Reanalysed} (their tracks were made by another model{(analyzer.GivesMelody ? " or without its melody block" : "")}), " : "")}already in the catalog {s.AlreadyPresent}, failed attempts {s.Retrying + s.SetAside} (set aside {s.SetAside}), lost to other workers {s.LeaseLost}, given back {s.Released} in {s.Elapsed.TotalSeconds:0.0} s ({s.SongsPerSecond:0.00} songs/s)"))
                .ConfigureAwait(false);
            return cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled : ExitCodes.Success;
        }));
        return command;
    }

    private static TimeSpan Seconds(double value, string name) =>
        double.IsFinite(value) && value > 0 && value <= 86_400 ? TimeSpan.FromSeconds(value) : throw new CliInputException($"{name} must be a number of seconds between 0 and 86400 (got {value})");
}
