using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MusicEmotion.Inference;
using MusicEmotion.Server.Concurrency;

namespace MusicEmotion.Server.Health;

/// <summary>
/// Healthy when the model is loaded and ffmpeg runs (checked once, at the first health request); degraded without
/// ffmpeg (only WAV uploads can then be decoded). Reports the uploads in progress.
/// </summary>
internal sealed class AnalysisHealthCheck(EmotionAnalyzer analyzer, UploadGate gate, IOptions<EmotionAnalyzerOptions> options) : IHealthCheck
{
    private readonly Lazy<string?> _ffmpegProblem = new(() => FfmpegProblem(options.Value.Ffmpeg.FfmpegPath));

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["model"] = $"{analyzer.Model.Card.Name} {analyzer.Model.Card.Version}",
            ["pendingUploads"] = gate.Pending,
            ["runningAnalyses"] = gate.Running,
            ["maxPendingUploads"] = gate.MaxPending,
            ["maxConcurrentAnalyses"] = gate.MaxConcurrent,
        };
        return Task.FromResult(_ffmpegProblem.Value is { } problem
            ? HealthCheckResult.Degraded($"{problem}: only WAV uploads can be decoded", data: data)
            : HealthCheckResult.Healthy($"model {analyzer.Model.Card.Name} {analyzer.Model.Card.Version}; {gate.Pending} uploads in progress", data));
    }

    private static string? FfmpegProblem(string ffmpeg)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(ffmpeg, "-hide_banner -version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return $"'{ffmpeg}' could not be started";
            }

            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return $"'{ffmpeg} -version' did not finish";
            }

            return process.ExitCode == 0 ? null : $"'{ffmpeg} -version' exited with code {process.ExitCode}";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"'{ffmpeg}' was not found ({ex.Message})";
        }
    }
}
