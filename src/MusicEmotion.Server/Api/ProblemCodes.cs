namespace MusicEmotion.Server.Api;

/// <summary>
/// Completes the problem details the framework writes itself (unknown route, wrong method, unreadable JSON, a body over
/// Kestrel's limit, an unexpected error) so that every error answer carries a <c>code</c>, like the service's own.
/// </summary>
internal static class ProblemCodes
{
    /// <summary>
    /// The status of an exception no endpoint answered: Kestrel's refusals keep theirs; the library's errors by their
    /// kind (bad input 422, an unavailable environment such as ffmpeg or the database 503, an internal error 500);
    /// anything else is a bug (500).
    /// </summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        MusicEmotionException { Kind: MusicEmotionErrorKind.Input } => StatusCodes.Status422UnprocessableEntity,
        MusicEmotionException { Kind: MusicEmotionErrorKind.Environment } => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The <c>ProblemDetailsOptions.CustomizeProblemDetails</c> hook.</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        IDictionary<string, object?> extensions = context.ProblemDetails.Extensions;
        if (context.Exception is BadHttpRequestException bad)
        {
            // Binding failures ("Failed to read parameter ... as JSON") say what was wrong; they hold no server state.
            context.ProblemDetails.Detail ??= bad.Message;
        }

        if (!extensions.ContainsKey("code"))
        {
            extensions["code"] = context.ProblemDetails.Status switch
            {
                StatusCodes.Status400BadRequest => "invalid-request",
                StatusCodes.Status404NotFound => "not-found",
                StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
                StatusCodes.Status413PayloadTooLarge => "too-large",
                StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
                StatusCodes.Status422UnprocessableEntity => "unprocessable",
                StatusCodes.Status503ServiceUnavailable => "unavailable",
                StatusCodes.Status500InternalServerError => "internal-error",
                { } status => $"http-{status}",
                null => "error",
            };
        }
    }
}
