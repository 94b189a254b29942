using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MusicEmotion.Server.Health;

/// <summary>The <c>/health</c> answer: the overall status (Healthy, Degraded, Unhealthy) and each check's status, description and data.</summary>
/// <param name="Status">The worst status of the checks.</param>
/// <param name="DurationMs">How long the checks took.</param>
/// <param name="Checks">Each check by name: catalog, storage, analysis.</param>
internal sealed record HealthResponse(string Status, double DurationMs, IReadOnlyDictionary<string, HealthCheckResponse> Checks)
{
    /// <summary>The answer for <paramref name="report"/>.</summary>
    public static HealthResponse From(HealthReport report) => new(
        report.Status.ToString(),
        Math.Round(report.TotalDuration.TotalMilliseconds, 1),
        report.Entries.ToDictionary(e => e.Key, e => new HealthCheckResponse(e.Value.Status.ToString(), e.Value.Description, e.Value.Data)));
}
