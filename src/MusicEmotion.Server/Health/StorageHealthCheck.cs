using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MusicEmotion.Server.Configuration;
using MusicEmotion.Server.Hosting;
using MusicEmotion.Server.Storage;

namespace MusicEmotion.Server.Health;

/// <summary>
/// Healthy when the audio folder exists with room for two more of the largest uploads and every catalog row has its
/// audio; degraded when space is short or rows have no audio (their count is reported, e.g. after opening a catalog with
/// another audio folder).
/// </summary>
internal sealed class StorageHealthCheck(StorageLayout layout, MissingAudio missing, IOptions<ServerOptions> options) : IHealthCheck
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

        int withoutAudio = missing.Count, unclaimed = missing.UnclaimedFiles;
        var data = new Dictionary<string, object> { ["freeBytes"] = free, ["tracksWithoutAudio"] = withoutAudio, ["audioFilesWithoutTrack"] = unclaimed };
        long needed = 2 * options.Value.MaxUploadBytes;
        var problems = new List<string>();
        if (free < needed)
        {
            problems.Add($"only {free / (1024 * 1024)} MiB free for audio (uploads may fail)");
        }

        if (withoutAudio > 0)
        {
            problems.Add($"{withoutAudio} tracks in the catalog have no audio in {layout.AudioDirectory} (their audio answers 404; "
                + "point MusicEmotion:AudioDirectory at the folder that holds it, or upload them again)");
        }

        if (unclaimed > 0)
        {
            problems.Add($"{unclaimed} audio files in {layout.AudioDirectory} have no catalog row and were kept (too many to be left by a crash: "
                + "is it another catalog's folder? check MusicEmotion:AudioDirectory and MusicEmotion:CatalogPath)");
        }

        return Task.FromResult(problems.Count > 0
            ? HealthCheckResult.Degraded(string.Join("; ", problems), data: data)
            : HealthCheckResult.Healthy($"{free / (1024 * 1024)} MiB free for audio; every track has its audio", data));
    }
}
