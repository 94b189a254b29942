namespace MusicEmotion.Server.Api;

/// <summary>
/// Completes the problem details the framework writes itself (unknown route, wrong method, a body over Kestrel's limit
/// or too slow, an unexpected error) so that every error answer carries a <see cref="ProblemCode"/> like the service's
/// own, and says nothing about the service's code (no .NET type names).
/// </summary>
internal static class FrameworkProblems
{
    /// <summary>The <c>ProblemDetailsOptions.CustomizeProblemDetails</c> hook.</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        IDictionary<string, object?> extensions = context.ProblemDetails.Extensions;
        if (context.Exception is BadHttpRequestException bad)
        {
            // Kestrel's own refusals ("Request body too large...", "Unexpected end of request content.") say what was wrong;
            // the framework's binding failures quote parameter types, so they get a plain sentence instead.
            context.ProblemDetails.Detail ??= bad.Message.Contains('"', StringComparison.Ordinal)
                ? "The request could not be read; its parameters and body are described at /openapi/v1.json."
                : bad.Message;
        }

        if (!extensions.ContainsKey("code"))
        {
            extensions["code"] = CodeFor(context.ProblemDetails.Status);
        }
    }

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

    /// <summary>The code of a problem the framework answers with <paramref name="status"/>.</summary>
    public static string CodeFor(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => ProblemCode.InvalidRequest,
        StatusCodes.Status404NotFound => ProblemCode.NotFound,
        StatusCodes.Status405MethodNotAllowed => ProblemCode.MethodNotAllowed,
        StatusCodes.Status408RequestTimeout => ProblemCode.RequestTimeout,
        StatusCodes.Status413PayloadTooLarge => ProblemCode.BodyTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ProblemCode.UnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity => ProblemCode.Unprocessable,
        StatusCodes.Status500InternalServerError => ProblemCode.InternalError,
        StatusCodes.Status503ServiceUnavailable => ProblemCode.Unavailable,
        _ => ProblemCode.Error,
    };
}
