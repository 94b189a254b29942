namespace MusicEmotion.Recommend.PostgreSql.Jobs;

/// <summary>One job a worker finished with (reported through <see cref="IProgress{T}"/>).</summary>
/// <param name="JobId">The job.</param>
/// <param name="Path">Its audio file.</param>
/// <param name="Attempt">The attempt's number.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="TrackId">The file's content hash, when it was read.</param>
/// <param name="Error">Why the attempt failed.</param>
/// <param name="ErrorType">The failure's exception type name.</param>
public sealed record AnalysisJobResult(long JobId, string Path, int Attempt, AnalysisJobOutcome Outcome, string? TrackId, string? Error, string? ErrorType);
