using NAudio.Wave;

namespace MusicEmotion.Benchmarks;

/// <summary>An in-memory mono float signal as an NAudio <see cref="ISampleProvider"/> (the peers' input).</summary>
internal sealed class FloatArrayProvider(float[] samples, int rate) : ISampleProvider
{
    private int _position;

    public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(rate, 1);

    public int Read(Span<float> buffer)
    {
        int n = Math.Min(buffer.Length, samples.Length - _position);
        samples.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
