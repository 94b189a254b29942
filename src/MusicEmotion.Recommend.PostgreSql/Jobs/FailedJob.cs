namespace MusicEmotion.Recommend.PostgreSql.Jobs;

/// <summary>A file set aside after its last attempt failed, or one waiting for a retry.</summary>
/// <param name="Path">The audio file.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="MaxAttempts">Attempts allowed.</param>
/// <param name="Error">The last attempt's error.</param>
/// <param name="ErrorType">The last error's kind (an exception type name, or <c>LeaseExpired</c> when the worker stopped mid-job).</param>
/// <param name="UpdatedUtc">When the last attempt ended.</param>
/// <param name="SetAside">True when the file is set aside for good (state <c>failed</c>); false when it waits for another attempt.</param>
public sealed record FailedJob(string Path, int Attempts, int MaxAttempts, string Error, string? ErrorType, DateTimeOffset UpdatedUtc, bool SetAside);
