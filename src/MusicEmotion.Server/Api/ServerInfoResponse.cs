namespace MusicEmotion.Server.Api;

/// <summary>What a client (such as the web page) needs to know about this service.</summary>
/// <param name="ModelName">The emotion model in use.</param>
/// <param name="ModelVersion">Its version.</param>
/// <param name="WritesRequireApiKey">Whether uploads and deletions need the <c>X-Api-Key</c> header.</param>
/// <param name="ApiKeyHeader">The header that carries the key.</param>
/// <param name="MaxUploadBytes">Largest accepted upload.</param>
/// <param name="MaxDurationSeconds">Longest accepted audio.</param>
/// <param name="Tracks">Tracks in the catalog.</param>
internal sealed record ServerInfoResponse(
    string ModelName,
    string ModelVersion,
    bool WritesRequireApiKey,
    string ApiKeyHeader,
    long MaxUploadBytes,
    double MaxDurationSeconds,
    int Tracks);
