namespace MusicEmotion.Server.Health;

/// <summary>One health check's result.</summary>
/// <param name="Status">Healthy, Degraded or Unhealthy.</param>
/// <param name="Description">What it found.</param>
/// <param name="Data">Figures it reports (tracks, free bytes, uploads in progress...).</param>
internal sealed record HealthCheckResponse(string Status, string? Description, IReadOnlyDictionary<string, object> Data);
