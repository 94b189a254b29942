namespace MusicEmotion.Server.Uploads;

/// <summary>
/// A staged upload that <see cref="TrackUploadService"/> will not store, and why; nothing of it was kept. The message
/// says, for people, what was wrong with this upload and what to do (the client's file name, never the staged path).
/// </summary>
internal sealed class UploadRefusedException : Exception
{
    /// <summary>Creates the refusal.</summary>
    public UploadRefusedException(UploadRefusal reason, string message, string? trackId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        TrackId = trackId;
    }

    /// <summary>Why the upload was refused.</summary>
    public UploadRefusal Reason { get; }

    /// <summary>The id the upload's content would have had.</summary>
    public string? TrackId { get; }

    /// <summary>For <see cref="UploadRefusal.Busy"/>: seconds after which a retry is likely to be admitted.</summary>
    public int? RetryAfterSeconds { get; init; }
}
