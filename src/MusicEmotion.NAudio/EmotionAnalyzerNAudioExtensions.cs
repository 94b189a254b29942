using MusicEmotion.Inference;
using NAudio.Wave;

namespace MusicEmotion.NAudio;

/// <summary>
/// <see cref="EmotionAnalyzer"/> fed directly from NAudio: a provider chain or a capture device. Every call streams
/// (memory stays bounded whatever the length), runs on the thread pool and honours its token. NAudio objects stay the
/// caller's: they are not disposed.
/// </summary>
/// <remarks>
/// A <see cref="WaveStream"/> (e.g. <c>WaveFileReader</c>) is also a <see cref="Stream"/>, so
/// <c>analyzer.AnalyzeAsync(reader, name)</c> binds to the analyser's own stream overload, which expects encoded bytes
/// (a whole file) and would read the reader's raw PCM instead. Pass <c>reader.ToSampleSource(name)</c> (keeps the
/// known length) or <c>reader.ToSampleProvider()</c>.
/// </remarks>
public static class EmotionAnalyzerNAudioExtensions
{
    /// <summary>Analyses what <paramref name="provider"/> produces until it ends (a mixer with <c>ReadFully</c> never ends: cancel it or use the streaming overload).</summary>
    /// <exception cref="Audio.AudioException">The provider fails or produces nothing.</exception>
    public static Task<EmotionAnalysis> AnalyzeAsync(this EmotionAnalyzer analyzer, ISampleProvider provider, string sourceName = "NAudio source", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        return analyzer.AnalyzeAsync(provider.ToSampleSource(sourceName, cancellationToken), sourceName, cancellationToken);
    }

    /// <summary>One value per second of <paramref name="provider"/>'s output as soon as it is final.</summary>
    public static IAsyncEnumerable<EmotionFrame> AnalyzeStreamingAsync(this EmotionAnalyzer analyzer, ISampleProvider provider, string sourceName = "NAudio source", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        return analyzer.AnalyzeStreamingAsync(provider.ToSampleSource(sourceName, cancellationToken), sourceName, cancellationToken);
    }

    /// <summary>
    /// One value per second of live audio from <paramref name="device"/>, each about half a model window after it was
    /// heard, until recording stops or the token is cancelled. The call subscribes to the device at once; start recording
    /// after it (audio delivered before the call is not seen) and stop it yourself.
    /// </summary>
    public static IAsyncEnumerable<EmotionFrame> AnalyzeStreamingAsync(this EmotionAnalyzer analyzer, IWaveIn device, string sourceName = "capture device", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        return analyzer.AnalyzeStreamingAsync(device.ToSampleSource(sourceName, cancellationToken), sourceName, cancellationToken);
    }
}
