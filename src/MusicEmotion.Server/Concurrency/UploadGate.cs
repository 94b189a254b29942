using Microsoft.Extensions.Options;
using MusicEmotion.Server.Configuration;

namespace MusicEmotion.Server.Concurrency;

/// <summary>The gate in front of uploads: <see cref="ServerOptions.MaxPendingUploads"/> admitted, <see cref="ServerOptions.MaxConcurrentAnalyses"/> analysed at once.</summary>
internal sealed class UploadGate(IOptions<ServerOptions> options)
    : WorkGate(options.Value.MaxConcurrentAnalyses, options.Value.MaxPendingUploads);
