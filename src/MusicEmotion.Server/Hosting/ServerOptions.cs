namespace MusicEmotion.Server.Hosting;

/// <summary>
/// The service's settings, bound from the configuration section <c>MusicEmotion</c> (appsettings.json, environment
/// variables such as <c>MusicEmotion__ApiKey</c>, or command-line arguments such as <c>--MusicEmotion:DataDirectory</c>).
/// </summary>
internal sealed class ServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MusicEmotion";

    /// <summary>Where the catalog and the audio live unless <see cref="CatalogPath"/> or <see cref="AudioDirectory"/> say otherwise. Default: the user's local application data folder + <c>MusicEmotion/server</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The SQLite catalog file. Default <c>{DataDirectory}/catalog.db</c>.</summary>
    public string? CatalogPath { get; set; }

    /// <summary>The folder of stored audio (one file per track, named by its id). Default <c>{DataDirectory}/audio</c>.</summary>
    public string? AudioDirectory { get; set; }

    /// <summary>When set, uploads and deletions need this key in the <c>X-Api-Key</c> header. Default: none (writes are open).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Largest accepted upload in bytes (the audio file itself). Default 100 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Longest accepted audio in seconds. Default 1800 (30 minutes).</summary>
    public double MaxDurationSeconds { get; set; } = 1800;

    /// <summary>Songs analysed at once. Default: the number of cores.</summary>
    public int MaxConcurrentAnalyses { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Uploads in progress at once (receiving, waiting for an analysis slot, or being analysed); one more is answered
    /// 503 with Retry-After at once, before its body is read. Default 32.
    /// </summary>
    public int MaxPendingUploads { get; set; } = 32;

    /// <summary>Longest an upload waits for an analysis slot before it is answered 503. Default 120 seconds.</summary>
    public double MaxQueueWaitSeconds { get; set; } = 120;

    /// <summary>Longest one analysis may run before it is abandoned (answered 422). Default 300 seconds.</summary>
    public double AnalysisTimeoutSeconds { get; set; } = 300;

    /// <summary>Plots rendered at once; more wait, up to <see cref="MaxPendingUploads"/> in all, then get 503. Default: the number of cores.</summary>
    public int MaxConcurrentPlots { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Whether an upload whose decoded audio is much shorter than its container declares (a cut-off download) is
    /// rejected as truncated (422). Default true.
    /// </summary>
    public bool RejectTruncatedAudio { get; set; } = true;

    /// <summary>Whether to remove stored audio that no catalog row refers to (left by a crash) when the service starts. Default true.</summary>
    public bool SweepOrphansOnStart { get; set; } = true;

    /// <summary>Checks the values.</summary>
    /// <returns>The problems found (empty when the options are valid).</returns>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxUploadBytes < 1024)
        {
            problems.Add($"MusicEmotion:MaxUploadBytes must be at least 1024 (got {MaxUploadBytes}).");
        }

        if (!(MaxDurationSeconds >= 1))
        {
            problems.Add($"MusicEmotion:MaxDurationSeconds must be at least 1 (got {MaxDurationSeconds}).");
        }

        if (MaxConcurrentAnalyses < 1 || MaxPendingUploads < 1 || MaxConcurrentPlots < 1)
        {
            problems.Add("MusicEmotion:MaxConcurrentAnalyses, MaxPendingUploads and MaxConcurrentPlots must be at least 1.");
        }

        if (!(MaxQueueWaitSeconds > 0) || !(AnalysisTimeoutSeconds > 0))
        {
            problems.Add("MusicEmotion:MaxQueueWaitSeconds and AnalysisTimeoutSeconds must be positive.");
        }

        if (ApiKey is { Length: > 0 and < 16 })
        {
            problems.Add("MusicEmotion:ApiKey must be at least 16 characters long (or unset for open writes).");
        }

        return problems;
    }

    /// <summary>Whether writes need an API key.</summary>
    public bool RequiresApiKey => !string.IsNullOrEmpty(ApiKey);
}
