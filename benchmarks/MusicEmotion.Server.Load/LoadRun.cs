namespace MusicEmotion.Server.Load;

/// <summary>One load run: note the catalog, send the plan, verify, report.</summary>
internal static class LoadRun
{
    /// <summary>Runs <paramref name="plan"/> against the service <paramref name="client"/> points at.</summary>
    public static async Task<LoadReport> RunAsync(HttpClient client, IReadOnlyList<UploadCase> plan, string? dataDirectory, string? apiKey, CancellationToken cancellationToken)
    {
        var verifier = new LoadVerifier(client);
        HashSet<string> before = await verifier.CatalogIdsAsync(cancellationToken).ConfigureAwait(false);
        var runner = new UploadLoadRunner(client) { ApiKey = apiKey };
        (IReadOnlyList<UploadResult> results, TimeSpan wall) = await runner.RunAsync(plan, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> problems = await verifier.VerifyAsync(results, before, dataDirectory, cancellationToken).ConfigureAwait(false);
        return new LoadReport(results, wall, problems);
    }

    /// <summary>An HTTP client for <paramref name="baseAddress"/> that opens as many connections as the run needs.</summary>
    public static HttpClient CreateClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromMinutes(10),
    };
}
