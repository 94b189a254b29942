namespace MusicEmotion.Recommend.PostgreSql.Jobs;

/// <summary>A job a worker has claimed: one audio file to analyse into the catalog, under a lease.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="Path">The audio file, as enqueued (an absolute path every worker must be able to read).</param>
/// <param name="Attempt">This attempt's number (1 for the first).</param>
/// <param name="MaxAttempts">Attempts allowed before the file is set aside.</param>
/// <param name="LeaseToken">Proves the lease: every later call about the job must present it, so a worker whose lease expired and was taken over cannot finish the job twice.</param>
public sealed record AnalysisJob(long JobId, string Path, int Attempt, int MaxAttempts, Guid LeaseToken);
