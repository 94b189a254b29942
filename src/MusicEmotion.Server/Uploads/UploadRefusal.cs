namespace MusicEmotion.Server.Uploads;

/// <summary>Why <see cref="TrackUploadService"/> refused a staged upload; the endpoint answers each with its own status and code.</summary>
internal enum UploadRefusal
{
    /// <summary>No analysis slot freed within the configured wait.</summary>
    Busy,

    /// <summary>No decoder claims the content: it is not audio the service can decode.</summary>
    NotAudio,

    /// <summary>A decoder claims the content but cannot decode it.</summary>
    Undecodable,

    /// <summary>The audio is longer than the configured limit (declared by its container or decoded).</summary>
    TooLong,

    /// <summary>Much less audio decodes than the container declares.</summary>
    Truncated,

    /// <summary>The analysis did not finish within the configured time.</summary>
    AnalysisTimedOut,
}
