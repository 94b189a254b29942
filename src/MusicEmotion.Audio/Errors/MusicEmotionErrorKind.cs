namespace MusicEmotion;

/// <summary>
/// Who can fix a <see cref="MusicEmotionException"/>: the caller (bad input), whoever runs the host (the environment),
/// or the library's authors (an internal error). Hosts map it to their own answers: <c>mer</c> to exit codes, the
/// HTTP service to statuses.
/// </summary>
public enum MusicEmotionErrorKind
{
    /// <summary>
    /// What was given cannot be used: a missing, empty, truncated, corrupt or unsupported file, an invalid model card or
    /// catalog file, an unknown track. Retrying with the same input fails again; other input works.
    /// </summary>
    Input = 1,

    /// <summary>
    /// The machine or a service the library depends on is not as needed: ffmpeg is not installed, a database or the
    /// describing service is unreachable, a native library is missing. The same input works once that is fixed.
    /// </summary>
    Environment = 2,

    /// <summary>A defect in the library or in what shipped with it (e.g. a package built without its model): report it.</summary>
    Internal = 3,
}
