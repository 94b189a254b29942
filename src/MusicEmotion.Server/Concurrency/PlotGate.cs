using Microsoft.Extensions.Options;
using MusicEmotion.Server.Configuration;

namespace MusicEmotion.Server.Concurrency;

/// <summary>The gate in front of plot rendering: <see cref="ServerOptions.MaxConcurrentPlots"/> at once, as many waiting as uploads may.</summary>
internal sealed class PlotGate(IOptions<ServerOptions> options)
    : WorkGate(options.Value.MaxConcurrentPlots, options.Value.MaxPendingUploads);
