namespace MusicEmotion.Recommend.PostgreSql.Jobs;

/// <summary>Progress of the analysis queue.</summary>
/// <param name="Pending">Jobs waiting for a worker (including those waiting for a retry).</param>
/// <param name="Retrying">Of the pending jobs, those that failed before and wait for another attempt.</param>
/// <param name="Running">Jobs held by a worker under a live lease.</param>
/// <param name="ExpiredLeases">Jobs whose worker stopped renewing its lease (the next worker to claim takes them up).</param>
/// <param name="Added">Jobs done that added a track.</param>
/// <param name="AlreadyPresent">Jobs done whose audio was already in the catalog (same content hash).</param>
/// <param name="Failed">Jobs set aside after their last attempt failed.</param>
/// <param name="ActiveWorkers">Distinct workers holding live leases now.</param>
/// <param name="DoneLastMinute">Jobs finished (done) in the last minute: the current throughput.</param>
/// <param name="Tracks">Tracks in the catalog.</param>
/// <param name="Failures">The most recent set-aside files, newest first, then those waiting for a retry.</param>
public sealed record AnalysisQueueStatus(
    long Pending,
    long Retrying,
    long Running,
    long ExpiredLeases,
    long Added,
    long AlreadyPresent,
    long Failed,
    int ActiveWorkers,
    long DoneLastMinute,
    long Tracks,
    IReadOnlyList<FailedJob> Failures)
{
    /// <summary>All jobs.</summary>
    public long Total => Pending + Running + ExpiredLeases + Added + AlreadyPresent + Failed;

    /// <summary>Jobs finished one way or another (done or set aside).</summary>
    public long Finished => Added + AlreadyPresent + Failed;
}
