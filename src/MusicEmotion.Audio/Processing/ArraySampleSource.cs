namespace MusicEmotion.Audio.Processing;

/// <summary>
/// An <see cref="ISampleSource"/> over interleaved samples already in memory: handy for tests, synthetic signals and
/// callers that decoded audio elsewhere. The samples are not copied; do not mutate them while reading.
/// </summary>
public sealed class ArraySampleSource : ISampleSource
{
    private readonly ReadOnlyMemory<float> _samples;
    private readonly int _maxSamplesPerRead;
    private int _position;
    private bool _disposed;

    /// <summary>Creates a source over <paramref name="samples"/>.</summary>
    /// <param name="samples">Interleaved samples; the length must be a multiple of <paramref name="format"/>'s channel count.</param>
    /// <param name="format">Sample rate and channel count of <paramref name="samples"/>.</param>
    /// <param name="maxFramesPerRead">
    /// When positive, each <see cref="Read"/> returns at most this many frames, to imitate a decoder that delivers
    /// short blocks; 0 (the default) fills the caller's buffer.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The rate or channel count is not positive, or <paramref name="maxFramesPerRead"/> is negative.</exception>
    /// <exception cref="ArgumentException">The sample count is not a whole number of frames.</exception>
    public ArraySampleSource(ReadOnlyMemory<float> samples, AudioFormat format, int maxFramesPerRead = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(format.SampleRate, nameof(format));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(format.Channels, nameof(format));
        ArgumentOutOfRangeException.ThrowIfNegative(maxFramesPerRead);
        if (samples.Length % format.Channels != 0)
        {
            throw new ArgumentException(
                $"{samples.Length} samples is not a whole number of {format.Channels}-channel frames.", nameof(samples));
        }

        _samples = samples;
        Format = format;
        _maxSamplesPerRead = maxFramesPerRead == 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, (long)maxFramesPerRead * format.Channels);
    }

    /// <summary>Creates a mono source over <paramref name="samples"/> at <paramref name="sampleRate"/> Hz.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRate"/> is not positive.</exception>
    public ArraySampleSource(ReadOnlyMemory<float> samples, int sampleRate)
        : this(samples, new AudioFormat(sampleRate, 1))
    {
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <inheritdoc />
    public long? LengthInFrames => _samples.Length / Format.Channels;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="buffer"/> is shorter than one frame.</exception>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    public int Read(Span<float> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int channels = Format.Channels;
        if (buffer.Length < channels)
        {
            throw new ArgumentException($"The buffer must hold at least one frame ({channels} samples).", nameof(buffer));
        }

        int count = Math.Min(Math.Min(buffer.Length, _maxSamplesPerRead), _samples.Length - _position);
        count -= count % channels;
        _samples.Span.Slice(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;
}
