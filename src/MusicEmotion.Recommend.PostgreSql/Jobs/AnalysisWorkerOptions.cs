namespace MusicEmotion.Recommend.PostgreSql.Jobs;

/// <summary>Options of <see cref="AnalysisWorker"/>.</summary>
public sealed class AnalysisWorkerOptions
{
    /// <summary>Files analysed at once. Default: the number of cores.</summary>
    public int Concurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// How long a claimed job stays this worker's without a renewal. A job whose worker dies is taken up by another
    /// worker this long after its last renewal. Default 2 minutes.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the leases of the jobs in progress are renewed. Default: a third of <see cref="LeaseDuration"/>.</summary>
    public TimeSpan? RenewInterval { get; set; }

    /// <summary>How long an idle worker waits before asking for work again (with up to 25 % random jitter). Default 2 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A failed attempt's job becomes available again after this delay times the attempt's number. Default 30 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Stop once no job is pending or running (everything done or set aside), instead of waiting for more work. Default false.</summary>
    public bool ExitWhenIdle { get; set; }

    /// <summary>The name this worker's leases carry (shown in status and errors). Default: machine name, process id and a random suffix.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>The renewal interval in force.</summary>
    public TimeSpan EffectiveRenewInterval => RenewInterval ?? LeaseDuration / 3;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (Concurrency is < 1 or > 256)
        {
            throw new ArgumentException($"Concurrency must be between 1 and 256 (got {Concurrency}).");
        }

        if (LeaseDuration < TimeSpan.FromSeconds(1) || LeaseDuration > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"LeaseDuration must be between 1 second and 1 day (got {LeaseDuration}).");
        }

        if (EffectiveRenewInterval <= TimeSpan.Zero || EffectiveRenewInterval > LeaseDuration / 2)
        {
            throw new ArgumentException($"RenewInterval must be positive and at most half the lease ({LeaseDuration / 2}); got {EffectiveRenewInterval}.");
        }

        if (PollInterval < TimeSpan.FromMilliseconds(10) || PollInterval > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"PollInterval must be between 10 ms and 1 hour (got {PollInterval}).");
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"RetryDelay must be between 0 and 1 day (got {RetryDelay}).");
        }

        if (string.IsNullOrWhiteSpace(WorkerId) || WorkerId.Length > 200)
        {
            throw new ArgumentException("WorkerId must be 1–200 characters.");
        }
    }
}
