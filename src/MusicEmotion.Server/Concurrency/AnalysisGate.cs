using Microsoft.Extensions.Options;
using MusicEmotion.Server.Hosting;

namespace MusicEmotion.Server.Concurrency;

/// <summary>The gate in front of uploads: <see cref="ServerOptions.MaxPendingUploads"/> admitted, <see cref="ServerOptions.MaxConcurrentAnalyses"/> analysed at once.</summary>
internal sealed class AnalysisGate(IOptions<ServerOptions> options)
    : WorkGate(options.Value.MaxConcurrentAnalyses, options.Value.MaxPendingUploads);
