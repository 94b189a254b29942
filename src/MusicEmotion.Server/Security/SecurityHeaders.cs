namespace MusicEmotion.Server.Security;

/// <summary>
/// Headers on every answer that keep the page and the API hard to misuse: a strict Content-Security-Policy (the page
/// loads only its own scripts, styles, images and audio; no inline script; no framing), no MIME sniffing, no
/// referrer, and no framing for older browsers.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The policy sent with every answer.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; "
        + "font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Adds the middleware.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        IHeaderDictionary headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    });
}
