using MusicEmotion.Audio;
using NAudio.Wave;

namespace MusicEmotion.NAudio;

/// <summary>Conversions between NAudio's providers and streams and MusicEmotion's <see cref="ISampleSource"/>.</summary>
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
}
