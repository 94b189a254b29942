using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend.PostgreSql.Jobs;

/// <summary>
/// Drains an <see cref="AnalysisJobQueue"/>: claims jobs under leases, renews the leases while it works, hashes each
/// file (a file whose audio is already in the catalog as this worker's analyser makes it is done without decoding; one
/// made by another model, or by the same note-aware model before the melody block existed, is analysed again and its
/// row replaced once the new analysis is complete: <see cref="CurrentAnalysis.IsCurrent"/>), analyses it and stores
/// the track with its job in one transaction. A file that cannot be read or analysed is a failed attempt (retried later, set aside
/// after its last attempt); it never stops the worker. Losing the database does: the worker stops and its jobs' leases
/// expire, so other workers take them up. Run as many workers as you like, on as many machines.
/// </summary>
/// <example>
/// Hosting a worker in a service (e.g. from a <c>BackgroundService.ExecuteAsync</c>):
/// <code>
/// var worker = new AnalysisWorker(new AnalysisJobQueue(catalog), trackAnalyzer, new AnalysisWorkerOptions { Concurrency = 4 }, logger);
/// AnalysisWorkerSummary summary = await worker.RunAsync(progress: null, stoppingToken);
/// </code>
/// </example>
public sealed class AnalysisWorker
{
    private readonly AnalysisJobQueue _queue;
    private readonly TrackAnalyzer _analyzer;
    private readonly AnalysisWorkerOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a worker (none of the arguments is disposed by it).</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public AnalysisWorker(AnalysisJobQueue queue, TrackAnalyzer analyzer, AnalysisWorkerOptions? options = null, ILogger<AnalysisWorker>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(analyzer);
        _options = options ?? new AnalysisWorkerOptions();
        _options.Validate();
        _queue = queue;
        _analyzer = analyzer;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The options in use.</summary>
    public AnalysisWorkerOptions Options => _options;

    /// <summary>
    /// Works until <paramref name="stoppingToken"/> is cancelled (jobs in progress are given back, untouched, and the
    /// summary is returned) or, with <see cref="AnalysisWorkerOptions.ExitWhenIdle"/>, until no job is pending or running.
    /// </summary>
    /// <param name="progress">Told about every job as it ends.</param>
    /// <param name="stoppingToken">Stops the worker gracefully.</param>
    /// <exception cref="CatalogException">The database could not be reached or written; the worker stopped (its leases expire and other workers take the jobs up).</exception>
    public async Task<AnalysisWorkerSummary> RunAsync(IProgress<AnalysisJobResult>? progress = null, CancellationToken stoppingToken = default)
    {
        var clock = Stopwatch.StartNew();
        var run = new Run(progress);
        using var halt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var renewalStop = new CancellationTokenSource();
        _logger.LogInformation("Worker {Worker} started with {Concurrency} slots on {Catalog}", _options.WorkerId, _options.Concurrency, _queue.Catalog.Name);
        Task renewal = RenewLeasesAsync(run, renewalStop.Token);
        Task[] slots = Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(() => SlotAsync(run, halt), CancellationToken.None)).ToArray();
        await Task.WhenAll(slots).ConfigureAwait(false);
        await renewalStop.CancelAsync().ConfigureAwait(false);
        await renewal.ConfigureAwait(false);
        var summary = new AnalysisWorkerSummary(run.Count(AnalysisJobOutcome.Added), run.Count(AnalysisJobOutcome.AlreadyPresent), run.Count(AnalysisJobOutcome.Retrying),
            run.Count(AnalysisJobOutcome.SetAside), run.Count(AnalysisJobOutcome.LeaseLost), run.Count(AnalysisJobOutcome.Released), clock.Elapsed)
        {
            Reanalysed = run.Count(AnalysisJobOutcome.Reanalysed),
        };
        _logger.LogInformation("Worker {Worker} stopped: {Summary}", _options.WorkerId, summary);
        if (run.Failure is not null)
        {
            ExceptionDispatchInfo.Throw(run.Failure);
        }

        return summary;
    }

    private async Task SlotAsync(Run run, CancellationTokenSource halt)
    {
        try
        {
            while (!halt.IsCancellationRequested)
            {
                IReadOnlyList<AnalysisJob> jobs = await _queue.ClaimAsync(_options.WorkerId, 1, _options.LeaseDuration, halt.Token).ConfigureAwait(false);
                if (jobs.Count == 0)
                {
                    if (_options.ExitWhenIdle && !await _queue.HasOpenJobsAsync(halt.Token).ConfigureAwait(false))
                    {
                        return;
                    }

                    double jitter = 1 + (Random.Shared.NextDouble() * 0.25);
                    await Task.Delay(_options.PollInterval * jitter, halt.Token).ConfigureAwait(false);
                    continue;
                }

                await ProcessAsync(run, jobs[0], halt.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (halt.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Worker {Worker} stops: {Message}", _options.WorkerId, ex.Message);
            run.Fail(ex);
            await halt.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(Run run, AnalysisJob job, CancellationToken halt)
    {
        using var jobCancellation = CancellationTokenSource.CreateLinkedTokenSource(halt);
        var entry = new InFlightJob(job, jobCancellation);
        run.InFlight[job.LeaseToken] = entry;
        try
        {
            string? id = null;
            TrackRecord? track = null;
            Exception? error = null;
            try
            {
                id = await TrackId.ComputeAsync(job.Path, jobCancellation.Token).ConfigureAwait(false);
                TrackRecord? stored = await _queue.Catalog.GetAsync(id, jobCancellation.Token).ConfigureAwait(false);
                if (stored is null || !_analyzer.CurrentAnalysis.IsCurrent(stored))
                {
                    // Absent, or not current (another model's, or this one's without the melody block it gives): analyse;
                    // CompleteAsync replaces the old row in the transaction that stores the new one.
                    TrackAnalysis analysis = await _analyzer.AnalyzeAsync(job.Path, job.Path, id, jobCancellation.Token).ConfigureAwait(false);
                    track = analysis.Track;
                    TrackRows.Validate(track, _queue.Catalog.Name);
                }
            }
            catch (OperationCanceledException) when (jobCancellation.IsCancellationRequested)
            {
                if (entry.LeaseLost)
                {
                    run.Report(job, AnalysisJobOutcome.LeaseLost, id, "the lease was taken over by another worker", null);
                    return;
                }

                await ReleaseAsync(run, job, id).ConfigureAwait(false);
                return;
            }
            catch (CatalogException ex) when (ex.Kind == MusicEmotionErrorKind.Environment)
            {
                throw; // the database failed (GetAsync): stop the worker
            }
            catch (Exception ex)
            {
                error = ex;
            }

            if (error is not null)
            {
                JobFailure failure = await _queue.FailAsync(job, OneLine(error.Message), error.GetType().Name, _options.RetryDelay, CancellationToken.None).ConfigureAwait(false);
                AnalysisJobOutcome outcome = failure switch
                {
                    JobFailure.Retrying => AnalysisJobOutcome.Retrying,
                    JobFailure.SetAside => AnalysisJobOutcome.SetAside,
                    _ => AnalysisJobOutcome.LeaseLost,
                };
                _logger.LogWarning("{Path}: attempt {Attempt} of {Max} failed ({Outcome}): {Error}", job.Path, job.Attempt, job.MaxAttempts, outcome, error.Message);
                run.Report(job, outcome, id, OneLine(error.Message), error.GetType().Name);
                return;
            }

            JobCompletion completion = await _queue.CompleteAsync(job, id!, track, CancellationToken.None).ConfigureAwait(false);
            run.Report(job, completion switch
            {
                JobCompletion.Added => AnalysisJobOutcome.Added,
                JobCompletion.Reanalysed => AnalysisJobOutcome.Reanalysed,
                JobCompletion.AlreadyPresent => AnalysisJobOutcome.AlreadyPresent,
                _ => AnalysisJobOutcome.LeaseLost,
            }, id, completion == JobCompletion.LeaseLost ? "the lease was taken over by another worker" : null, null);
        }
        finally
        {
            run.InFlight.TryRemove(job.LeaseToken, out _);
        }
    }

    private async Task ReleaseAsync(Run run, AnalysisJob job, string? id)
    {
        try
        {
            await _queue.ReleaseAsync(job, CancellationToken.None).ConfigureAwait(false);
        }
        catch (CatalogException ex)
        {
            _logger.LogWarning("{Path}: could not give the job back ({Error}); its lease will expire", job.Path, ex.Message);
        }

        run.Report(job, AnalysisJobOutcome.Released, id, null, null);
    }

    private async Task RenewLeasesAsync(Run run, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.EffectiveRenewInterval, stop).ConfigureAwait(false);
                Guid[] tokens = run.InFlight.Keys.ToArray();
                if (tokens.Length == 0)
                {
                    continue;
                }

                IReadOnlySet<Guid> held = await _queue.RenewAsync(tokens, _options.LeaseDuration, stop).ConfigureAwait(false);
                foreach (Guid token in tokens)
                {
                    if (!held.Contains(token) && run.InFlight.TryGetValue(token, out InFlightJob? lost))
                    {
                        _logger.LogWarning("{Path}: the lease was taken over by another worker; abandoning it", lost.Job.Path);
                        lost.LeaseLost = true;
                        await lost.Cancellation.CancelAsync().ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (CatalogException ex)
            {
                _logger.LogWarning("Worker {Worker} could not renew its leases: {Error}", _options.WorkerId, ex.Message);
            }
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private sealed class InFlightJob(AnalysisJob job, CancellationTokenSource cancellation)
    {
        public AnalysisJob Job { get; } = job;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public volatile bool LeaseLost;
    }

    private sealed class Run(IProgress<AnalysisJobResult>? progress)
    {
        private readonly int[] _counts = new int[Enum.GetValues<AnalysisJobOutcome>().Length];
        private Exception? _failure;

        public ConcurrentDictionary<Guid, InFlightJob> InFlight { get; } = new();

        public Exception? Failure => Volatile.Read(ref _failure);

        public void Fail(Exception exception) => Interlocked.CompareExchange(ref _failure, exception, null);

        public int Count(AnalysisJobOutcome outcome) => Volatile.Read(ref _counts[(int)outcome]);

        public void Report(AnalysisJob job, AnalysisJobOutcome outcome, string? trackId, string? error, string? errorType)
        {
            Interlocked.Increment(ref _counts[(int)outcome]);
            progress?.Report(new AnalysisJobResult(job.JobId, job.Path, job.Attempt, outcome, trackId, error, errorType));
        }
    }
}
