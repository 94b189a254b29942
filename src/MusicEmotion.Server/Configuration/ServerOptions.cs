using MusicEmotion.Server.Security;

namespace MusicEmotion.Server.Configuration;

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

    /// <summary>
    /// Uploads one client (an IPv4 address, or an IPv6 /64 network) may have in progress at once; one more is answered
    /// 429 with Retry-After before its body is read, so one client cannot take every admission. Default 8 (at most
    /// <see cref="MaxPendingUploads"/>).
    /// </summary>
    public int MaxPendingUploadsPerClient { get; set; } = 8;

    /// <summary>
    /// Slowest an upload's body may arrive, in bytes per second averaged from its start, once
    /// <see cref="UploadRateGraceSeconds"/> have passed (Kestrel's minimum request body data rate, set for uploads; over
    /// HTTP/1.1). A slower upload is cut with 408. Default 8192 (64 kbit/s).
    /// </summary>
    public int MinUploadBytesPerSecond { get; set; } = 8192;

    /// <summary>How long an upload may send slower than <see cref="MinUploadBytesPerSecond"/> at its start. Default 10 seconds.</summary>
    public double UploadRateGraceSeconds { get; set; } = 10;

    /// <summary>
    /// Longest receiving one upload may take, whatever its rate; a slower one is cut with 408 and nothing of it is kept.
    /// Default 300 seconds (a 100 MiB file needs about 2.8 Mbit/s).
    /// </summary>
    public double UploadReceiveTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// The base URLs clients reach the service at, e.g. <c>https://music.example.com/</c> behind a reverse proxy. They are
    /// the OpenAPI document's <c>servers</c>, origins that may write (with <see cref="AllowedOrigins"/>), and, unless the
    /// top-level <c>AllowedHosts</c> is set, accepted Host names. Default: none (the OpenAPI document names no server;
    /// its paths are relative to where it was read).
    /// </summary>
    public string[] PublicUrls { get; set; } = [];

    /// <summary>
    /// Further web origins (<c>scheme://host[:port]</c>) whose pages may upload and delete, besides the service's own
    /// origin and <see cref="PublicUrls"/>. Default: none (writes from web pages of other sites are refused with 403).
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

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

        if (MaxPendingUploadsPerClient < 1)
        {
            problems.Add($"MusicEmotion:MaxPendingUploadsPerClient must be at least 1 (got {MaxPendingUploadsPerClient}).");
        }

        if (MinUploadBytesPerSecond < 0)
        {
            problems.Add($"MusicEmotion:MinUploadBytesPerSecond must be 0 (no minimum) or more (got {MinUploadBytesPerSecond}).");
        }

        if (!(UploadRateGraceSeconds >= 1))
        {
            problems.Add($"MusicEmotion:UploadRateGraceSeconds must be at least 1 (got {UploadRateGraceSeconds}).");
        }

        if (!(UploadReceiveTimeoutSeconds > 0))
        {
            problems.Add($"MusicEmotion:UploadReceiveTimeoutSeconds must be positive (got {UploadReceiveTimeoutSeconds}).");
        }

        foreach (string url in PublicUrls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
            {
                problems.Add($"MusicEmotion:PublicUrls holds '{url}', which is not an absolute http or https URL.");
            }
        }

        foreach (string origin in AllowedOrigins)
        {
            if (WebOrigin.TryParse(origin) is null)
            {
                problems.Add($"MusicEmotion:AllowedOrigins holds '{origin}', which is not an origin (scheme://host or scheme://host:port).");
            }
        }

        if (ApiKey is { Length: > 0 and < 16 })
        {
            problems.Add("MusicEmotion:ApiKey must be at least 16 characters long (or unset for open writes).");
        }

        return problems;
    }

    /// <summary>Whether writes need an API key.</summary>
    public bool RequiresApiKey => !string.IsNullOrEmpty(ApiKey);

    /// <summary>The per-client cap in force: <see cref="MaxPendingUploadsPerClient"/>, at most <see cref="MaxPendingUploads"/>.</summary>
    public int EffectivePendingUploadsPerClient => Math.Min(MaxPendingUploadsPerClient, MaxPendingUploads);
}
