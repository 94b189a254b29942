namespace MusicEmotion.Server.Security;

/// <summary>
/// A web origin (RFC 6454): scheme, host and port, normalised (lowercase, the scheme's default port made explicit) so
/// that <c>http://LocalHost</c> and <c>http://localhost:80</c> compare equal.
/// </summary>
/// <param name="Scheme">http or https.</param>
/// <param name="Host">The host, lowercase (IPv6 addresses in brackets).</param>
/// <param name="Port">The port.</param>
internal readonly record struct WebOrigin(string Scheme, string Host, int Port)
{
    /// <summary>The origin of <paramref name="text"/> (an origin or a URL with a path), or null when it has none (e.g. <c>null</c>, <c>file:</c>).</summary>
    public static WebOrigin? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        return new WebOrigin(uri.Scheme, uri.Host.ToLowerInvariant(), uri.Port);
    }

    /// <summary>The origin a request was sent to: its scheme and Host header.</summary>
    public static WebOrigin? OfRequest(HttpRequest request) =>
        request.Host.HasValue ? TryParse($"{request.Scheme}://{request.Host.Value}") : null;

    /// <inheritdoc />
    public override string ToString() => (Scheme, Port) is ("http", 80) or ("https", 443) ? $"{Scheme}://{Host}" : $"{Scheme}://{Host}:{Port}";
}
