using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MusicEmotion.Server.Api;
using MusicEmotion.Server.Configuration;
using MusicEmotion.Server.Logging;

namespace MusicEmotion.Server.Security;

/// <summary>
/// Guards the write endpoints: when <see cref="ServerOptions.ApiKey"/> is set, a request without the key in the
/// <c>X-Api-Key</c> header, or with another key, is answered 401 before its body is read. Keys are compared in
/// constant time (as SHA-256 digests, so their lengths leak nothing either).
/// </summary>
internal sealed class ApiKeyFilter(IOptions<ServerOptions> options, ILogger<ApiKeyFilter> logger) : IEndpointFilter
{
    /// <summary>The header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    private readonly byte[]? _expected = options.Value.RequiresApiKey ? SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ApiKey!)) : null;

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_expected is null)
        {
            return next(context);
        }

        HttpContext http = context.HttpContext;
        string? presented = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            return Refuse(http, ProblemCode.ApiKeyMissing, $"This service needs an API key for writes: send it in the {HeaderName} header.", "missing");
        }

        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(digest, _expected)
            ? next(context)
            : Refuse(http, ProblemCode.ApiKeyInvalid, $"The API key in the {HeaderName} header is not valid for this service.", "wrong");
    }

    private ValueTask<object?> Refuse(HttpContext http, string code, string detail, string reason)
    {
        ServerLog.ApiKeyRefused(logger, reason, http.Connection.RemoteIpAddress?.ToString());
        http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        // Refused before the body is read: the connection is closed rather than the body drained.
        return ValueTask.FromResult<object?>(new ApiProblem(StatusCodes.Status401Unauthorized, code, "API key required", detail) { CloseConnection = true }.ToResult(http));
    }
}
