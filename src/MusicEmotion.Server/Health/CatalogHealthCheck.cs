using Microsoft.Extensions.Diagnostics.HealthChecks;
using MusicEmotion.Recommend.Catalog;

namespace MusicEmotion.Server.Health;

/// <summary>Healthy when the catalog answers a count.</summary>
internal sealed class CatalogHealthCheck(ITrackCatalog catalog) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            int tracks = await catalog.CountAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{tracks} tracks", new Dictionary<string, object> { ["tracks"] = tracks });
        }
        catch (CatalogException ex)
        {
            return HealthCheckResult.Unhealthy($"the catalog cannot be read: {ex.Problem}");
        }
    }
}
