using MusicEmotion.Audio;
using NAudio.Wave;

namespace MusicEmotion.NAudio;

/// <summary>
/// A MusicEmotion <see cref="ISampleSource"/> (a decoder, the mix-down, the resampler) seen as an NAudio
/// <see cref="ISampleProvider"/> with an IEEE float <see cref="WaveFormat"/>: it can feed <c>WaveFileWriter</c>, a
/// mixer or a player. Errors of the source (<see cref="AudioException"/>) pass through. Disposing it disposes the source.
/// </summary>
public sealed class SampleSourceProvider : ISampleProvider, IDisposable
{
    private readonly ISampleSource _source;

    /// <summary>Wraps <paramref name="source"/>, which this provider then owns.</summary>
    public SampleSourceProvider(ISampleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        WaveFormat = WaveFormat.CreateIeeeFloatWaveFormat(source.Format.SampleRate, source.Format.Channels);
    }

    /// <inheritdoc />
    public WaveFormat WaveFormat { get; }

    /// <summary>Fills <paramref name="buffer"/> from the source; 0 at its end.</summary>
    /// <exception cref="AudioException">The source failed (corrupt data, decoder error).</exception>
    public int Read(Span<float> buffer) => _source.Read(buffer);

    /// <summary>Disposes the source.</summary>
    public void Dispose() => _source.Dispose();
}
