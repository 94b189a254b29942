using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MusicEmotion.Server.Hosting;

namespace MusicEmotion.Server.Health;

/// <summary>Healthy when the audio folder exists with room for two more of the largest uploads; degraded when space is short.</summary>
internal sealed class StorageHealthCheck(StorageLayout layout, IOptions<ServerOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(layout.StagingDirectory))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"the audio folder {layout.AudioDirectory} is missing"));
        }

        long free;
        try
        {
            free = new DriveInfo(layout.AudioDirectory).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"free space of {layout.AudioDirectory} is unknown: {ex.Message}"));
        }

        var data = new Dictionary<string, object> { ["freeBytes"] = free };
        long needed = 2 * options.Value.MaxUploadBytes;
        return Task.FromResult(free < needed
            ? HealthCheckResult.Degraded($"only {free / (1024 * 1024)} MiB free for audio (uploads may fail)", data: data)
            : HealthCheckResult.Healthy($"{free / (1024 * 1024)} MiB free for audio", data));
    }
}
