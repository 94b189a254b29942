using System.Diagnostics;
using Microsoft.Extensions.Options;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;
using MusicEmotion.Plotting;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Server.Concurrency;
using MusicEmotion.Server.Configuration;
using MusicEmotion.Server.Logging;

namespace MusicEmotion.Server.Api;

/// <summary>Renders a track's plot (<see cref="EmotionPlot"/>) behind the <see cref="PlotGate"/>, so plot requests cannot take every core.</summary>
internal sealed class PlotService(PlotGate gate, IOptions<ServerOptions> options, IOptions<EmotionAnalyzerOptions> analysis, ILogger<PlotService> logger)
{
    /// <summary>The PNG of <paramref name="track"/>.</summary>
    /// <exception cref="ApiProblemException">Too many plots are being rendered (503).</exception>
    public async Task<byte[]> RenderAsync(TrackRecord track, CancellationToken cancellationToken)
    {
        using WorkGate.Admission admission = gate.TryAdmit() ?? throw new ApiProblemException(ApiProblem.Overloaded("plots", gate.RetryAfterSeconds));
        using IDisposable slot = await admission.WaitForSlotAsync(TimeSpan.FromSeconds(options.Value.MaxQueueWaitSeconds), cancellationToken).ConfigureAwait(false)
            ?? throw new ApiProblemException(ApiProblem.Overloaded("plots", gate.RetryAfterSeconds));
        long started = Stopwatch.GetTimestamp();
        byte[] png = await Task.Run(
            () => EmotionPlot.RenderPng(track.Timeline, EmotionSummary.From(track.Timeline, analysis.Value.Summary), $"{track.SourceName} — {track.ModelName}"),
            cancellationToken).ConfigureAwait(false);
        ServerLog.PlotRendered(logger, track.Id, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return png;
    }
}
