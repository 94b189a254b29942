using MusicEmotion.Audio;
using MusicEmotion.Inference;
using NAudio.Wave;

namespace MusicEmotion.NAudio;

/// <summary>
/// Conversions between NAudio's providers, streams and capture devices and MusicEmotion's <see cref="ISampleSource"/>
/// and <see cref="AudioInput"/>: <c>await analyzer.AnalyzeAsync(mixer.ToAudioInput("live mix"))</c>. Every analysis
/// streams (memory stays bounded whatever the length). NAudio objects stay the caller's: they are not disposed unless
/// asked (<c>leaveOpen: false</c>).
/// </summary>
/// <remarks>
/// A <see cref="WaveStream"/> (e.g. <c>WaveFileReader</c>) is also a <see cref="Stream"/>, but
/// <see cref="AudioInput.FromStream"/> expects encoded bytes (a whole file) and would read the reader's raw PCM:
/// use <see cref="ToAudioInput(WaveStream, string, bool, CancellationToken)"/>.
/// </remarks>
public static class NAudioSourceExtensions
{
    /// <summary>Sees <paramref name="provider"/> as an <see cref="ISampleSource"/> (see <see cref="SampleProviderSource"/>).</summary>
    /// <param name="provider">The NAudio chain's output.</param>
    /// <param name="sourceName">Name used in error messages and results.</param>
    /// <param name="cancellationToken">Makes reads throw once cancelled.</param>
    public static ISampleSource ToSampleSource(this ISampleProvider provider, string sourceName = "NAudio source", CancellationToken cancellationToken = default) =>
        new SampleProviderSource(provider, sourceName, lengthInFrames: null, owned: null, cancellationToken);

    /// <summary>
    /// Sees <paramref name="stream"/> (a <c>WaveFileReader</c>, <c>AudioFileReader</c>, <c>RawSourceWaveStream</c>, ...)
    /// as an <see cref="ISampleSource"/> from its current position, converting PCM 8/16/24/32-bit or float to float
    /// samples. The stream is left open unless <paramref name="leaveOpen"/> is false.
    /// </summary>
    /// <exception cref="ArgumentException">The stream's encoding is not PCM or IEEE float.</exception>
    public static ISampleSource ToSampleSource(this WaveStream stream, string sourceName = "NAudio stream", bool leaveOpen = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ISampleProvider provider = stream.ToSampleProvider();
        long? frames = null;
        if (stream.CanSeek && stream.WaveFormat.BlockAlign > 0)
        {
            frames = Math.Max(0, stream.Length - stream.Position) / stream.WaveFormat.BlockAlign;
        }

        return new SampleProviderSource(provider, sourceName, frames, leaveOpen ? null : stream, cancellationToken);
    }

    /// <summary>Live audio from a capture device (see <see cref="CaptureSampleSource"/>); start and stop recording yourself.</summary>
    public static ISampleSource ToSampleSource(this IWaveIn device, string sourceName = "capture device", CancellationToken cancellationToken = default) =>
        new CaptureSampleSource(device, sourceName, cancellationToken);

    /// <summary>Sees <paramref name="source"/> as an NAudio <see cref="ISampleProvider"/> (see <see cref="SampleSourceProvider"/>).</summary>
    public static SampleSourceProvider ToSampleProvider(this ISampleSource source) => new(source);

    /// <summary>
    /// What <paramref name="provider"/> produces, to analyse until it ends (a mixer with <c>ReadFully</c> never ends:
    /// cancel the analysis, or stream it with <see cref="EmotionAnalyzer.AnalyzeStreamingAsync"/>).
    /// </summary>
    /// <param name="provider">The NAudio chain's output.</param>
    /// <param name="sourceName">Name used in results and error messages.</param>
    /// <param name="cancellationToken">Makes reads throw once cancelled: pass the analysis's token.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The overloads differ by the NAudio type they extend, like ToSampleSource's, so a call never binds ambiguously.")]
    public static AudioInput ToAudioInput(this ISampleProvider provider, string sourceName = "NAudio source", CancellationToken cancellationToken = default) =>
        AudioInput.FromSamples(provider.ToSampleSource(sourceName, cancellationToken), sourceName);

    /// <summary>The PCM of <paramref name="stream"/> from its current position (see <see cref="ToSampleSource(WaveStream, string, bool, CancellationToken)"/>), to analyse.</summary>
    /// <exception cref="ArgumentException">The stream's encoding is not PCM or IEEE float.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The overloads differ by the NAudio type they extend, like ToSampleSource's, so a call never binds ambiguously.")]
    public static AudioInput ToAudioInput(this WaveStream stream, string sourceName = "NAudio stream", bool leaveOpen = true, CancellationToken cancellationToken = default) =>
        AudioInput.FromSamples(stream.ToSampleSource(sourceName, leaveOpen, cancellationToken), sourceName);

    /// <summary>
    /// Live audio from <paramref name="device"/>, to follow with <see cref="EmotionAnalyzer.AnalyzeStreamingAsync"/>
    /// (one value per second, each about half a model window after it was heard) until recording stops or the token is
    /// cancelled. Subscribes to the device at once: start recording after this call (audio delivered before is not
    /// seen) and stop it yourself.
    /// </summary>
    /// <param name="device">The capture device.</param>
    /// <param name="sourceName">Name used in results and error messages.</param>
    /// <param name="cancellationToken">Ends a blocked read: pass the analysis's token.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The overloads differ by the NAudio type they extend, like ToSampleSource's, so a call never binds ambiguously.")]
    public static AudioInput ToAudioInput(this IWaveIn device, string sourceName = "capture device", CancellationToken cancellationToken = default) =>
        AudioInput.FromSamples(device.ToSampleSource(sourceName, cancellationToken), sourceName);
}
