using Microsoft.Extensions.Options;
using MusicEmotion.Server.Api;
using MusicEmotion.Server.Configuration;
using MusicEmotion.Server.Logging;

namespace MusicEmotion.Server.Security;

/// <summary>
/// The checks every request passes before anything else reads it: its Host must be a name of the service
/// (<see cref="HostPolicy"/>; 400 <c>host-not-allowed</c>), and a write (POST, PUT, PATCH, DELETE) must not come from a
/// web page of another site (403 <c>cross-site</c>): refused when the browser says <c>Sec-Fetch-Site: cross-site</c>, or
/// when it sends an <c>Origin</c> that is neither the service's own origin nor one of
/// <see cref="ServerOptions.PublicUrls"/> and <see cref="ServerOptions.AllowedOrigins"/>. Clients that are not browsers
/// (curl, scripts, other services) send neither header and are not affected; the body of a refused request is never read.
/// </summary>
internal static class RequestGuards
{
    /// <summary>Adds both checks to the pipeline.</summary>
    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app)
    {
        HostPolicy hosts = app.ApplicationServices.GetRequiredService<HostPolicy>();
        ServerOptions options = app.ApplicationServices.GetRequiredService<IOptions<ServerOptions>>().Value;
        ILogger logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestGuards).FullName!);
        WebOrigin[] allowed = options.PublicUrls.Concat(options.AllowedOrigins).Select(WebOrigin.TryParse).OfType<WebOrigin>().ToArray();
        return app.Use(async (context, next) =>
        {
            HttpRequest request = context.Request;
            if (!hosts.Allows(request.Host))
            {
                ServerLog.HostRefused(logger, request.Host.Value ?? "", context.Connection.RemoteIpAddress?.ToString());
                await HostNotAllowed(request.Host.Value ?? "").ToResult(context).ExecuteAsync(context);
                return;
            }

            if (IsWrite(request.Method) && CrossSiteReason(request, allowed) is { } reason)
            {
                ServerLog.CrossSiteRefused(logger, request.Method, request.Path.Value ?? "", request.Headers.Origin.ToString(),
                    request.Headers["Sec-Fetch-Site"].ToString(), context.Connection.RemoteIpAddress?.ToString());
                await CrossSite(reason).ToResult(context).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }

    /// <summary>Why a write is refused as cross-site, or null when it is not.</summary>
    internal static string? CrossSiteReason(HttpRequest request, IReadOnlyCollection<WebOrigin> allowed)
    {
        string fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (string.Equals(fetchSite, "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return "the browser reports that a page of another site sent it (Sec-Fetch-Site: cross-site)";
        }

        if (request.Headers.Origin.Count == 0)
        {
            return null; // not a browser's cross-origin request: browsers send Origin with every cross-origin POST and DELETE
        }

        string origin = request.Headers.Origin.ToString();
        WebOrigin? sender = WebOrigin.TryParse(origin);
        if (sender is null)
        {
            return $"its Origin '{Shorten(origin)}' is opaque (a sandboxed frame, a file or a redirect)";
        }

        if (sender == WebOrigin.OfRequest(request) || allowed.Contains(sender.Value))
        {
            return null;
        }

        return $"its Origin {sender} is not this service's origin{(WebOrigin.OfRequest(request) is { } own ? $" ({own})" : "")}";
    }

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static ApiProblem HostNotAllowed(string host) => new(StatusCodes.Status400BadRequest, ProblemCode.HostNotAllowed, "Unknown host name",
        $"'{Shorten(host)}' is not a name this service answers to. If clients reach it under that name, its operator adds the name to AllowedHosts "
        + "(or the URL to MusicEmotion:PublicUrls).")
    {
        Errors = [FieldError.Text("Host", "header", host, "a name of this service (its AllowedHosts setting)")],
        CloseConnection = true,
    };

    private static ApiProblem CrossSite(string reason) => new(StatusCodes.Status403Forbidden, ProblemCode.CrossSite, "Cross-site write refused",
        $"Uploads and deletions are accepted from this service's own page and from clients that are not browsers; this request was refused because {reason}. "
        + "To let a web application of yours write, its operator adds its origin to MusicEmotion:AllowedOrigins (behind a reverse proxy, the public URL to MusicEmotion:PublicUrls).")
    {
        CloseConnection = true,
    };

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..97] + "...";
}
