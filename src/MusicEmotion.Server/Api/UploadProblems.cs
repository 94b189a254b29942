using MusicEmotion.Server.Uploads;

namespace MusicEmotion.Server.Api;

/// <summary>Maps an <see cref="UploadRefusedException"/> to its answer.</summary>
internal static class UploadProblems
{
    /// <summary>The problem for <paramref name="ex"/>; <paramref name="retryAfterSeconds"/> is the upload gate's hint, for a busy service.</summary>
    public static ApiProblem From(UploadRefusedException ex, int retryAfterSeconds) => ex.Reason switch
    {
        // The body has been read: the connection is kept (nothing is left to drain).
        UploadRefusal.Busy => ApiProblem.Overloaded("uploads", retryAfterSeconds),
        UploadRefusal.NotAudio => Refused(ex, StatusCodes.Status415UnsupportedMediaType, ProblemCode.NotAudio, "Not audio"),
        UploadRefusal.Undecodable => Refused(ex, StatusCodes.Status422UnprocessableEntity, ProblemCode.Undecodable, "Audio cannot be decoded"),
        UploadRefusal.TooLong => Refused(ex, StatusCodes.Status422UnprocessableEntity, ProblemCode.TooLong, "Audio too long"),
        UploadRefusal.Truncated => Refused(ex, StatusCodes.Status422UnprocessableEntity, ProblemCode.Truncated, "Truncated audio"),
        UploadRefusal.AnalysisTimedOut => Refused(ex, StatusCodes.Status422UnprocessableEntity, ProblemCode.AnalysisTimeout, "Analysis took too long"),
        _ => throw new ArgumentOutOfRangeException(nameof(ex), ex.Reason, "An upload refusal without an answer."),
    };

    private static ApiProblem Refused(UploadRefusedException ex, int status, string code, string title) =>
        new(status, code, title, ex.Message) { TrackId = ex.TrackId };
}
