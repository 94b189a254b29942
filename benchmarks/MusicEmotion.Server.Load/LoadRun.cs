namespace MusicEmotion.Server.Load;

/// <summary>One load run: note the catalog, send the plan, verify, report.</summary>
internal static class LoadRun
{
    /// <summary>Runs <paramref name="plan"/> against the service <paramref name="client"/> points at.</summary>
    /// <param name="client">A client whose base address is the service.</param>
    /// <param name="plan">The uploads.</param>
    /// <param name="dataDirectory">The service's data folder, when it is on this machine (enables the file checks).</param>
    /// <param name="apiKey">The key to send, if the service needs one.</param>
    /// <param name="servicePid">The service's process id on this machine (Linux), to report the CPU time the uploads cost it.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<LoadReport> RunAsync(HttpClient client, IReadOnlyList<UploadCase> plan, string? dataDirectory, string? apiKey, int? servicePid,
        CancellationToken cancellationToken)
    {
        var verifier = new LoadVerifier(client);
        HashSet<string> before = await verifier.CatalogIdsAsync(cancellationToken).ConfigureAwait(false);
        var runner = new UploadLoadRunner(client) { ApiKey = apiKey };
        ProcessCpu? cpuBefore = servicePid is { } pid ? ProcessCpu.Read(pid) : null;
        (IReadOnlyList<UploadResult> results, TimeSpan wall) = await runner.RunAsync(plan, cancellationToken).ConfigureAwait(false);
        ProcessCpu? cpu = servicePid is { } p && cpuBefore is { } b ? ProcessCpu.Read(p).Since(b) : null;
        IReadOnlyList<string> problems = await verifier.VerifyAsync(results, before, dataDirectory, cancellationToken).ConfigureAwait(false);
        return new LoadReport(results, wall, problems) { ServiceCpu = cpu };
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
