namespace MusicEmotion.Server.Api;

/// <summary>
/// Completes the problem details the framework writes itself (unknown route, wrong method, unreadable JSON, a body over
/// Kestrel's limit, an unexpected error) so that every error answer carries a <c>code</c>, like the service's own.
/// </summary>
internal static class ProblemCodes
{
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
                StatusCodes.Status500InternalServerError => "internal-error",
                { } status => $"http-{status}",
                null => "error",
            };
        }
    }
}
