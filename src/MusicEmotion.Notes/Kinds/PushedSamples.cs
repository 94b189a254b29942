using MusicEmotion.Audio;

namespace MusicEmotion.Notes.Kinds;

/// <summary>
/// A mono source fed by pushes (a feature stream's samples) and read by a pull-based reader. Reading more than was
/// pushed before the end is a caller error (the reader would take it for the end of the signal), so it throws.
/// </summary>
internal sealed class PushedSamples(int sampleRate) : ISampleSource
{
    private float[] _buffer = new float[1 << 16];
    private int _start;
    private int _count;
    private bool _ended;

    public AudioFormat Format { get; } = new(sampleRate, 1);

    public long? LengthInFrames => null;

    /// <summary>Samples pushed and not read yet.</summary>
    public int Buffered => _count;

    public void Append(ReadOnlySpan<float> samples)
    {
        if (_ended)
        {
            throw new InvalidOperationException("The signal has ended.");
        }

        if (_start + _count + samples.Length > _buffer.Length)
        {
            if (_count + samples.Length > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + samples.Length));
            }

            Array.Copy(_buffer, _start, _buffer, 0, _count);
            _start = 0;
        }

        samples.CopyTo(_buffer.AsSpan(_start + _count));
        _count += samples.Length;
    }

    public void End() => _ended = true;

    public int Read(Span<float> buffer)
    {
        if (_count == 0 && !_ended && buffer.Length > 0)
        {
            throw new InvalidOperationException("Read past the samples pushed so far before the end of the signal.");
        }

        int n = Math.Min(buffer.Length, _count);
        _buffer.AsSpan(_start, n).CopyTo(buffer);
        _start += n;
        _count -= n;
        if (_count == 0)
        {
            _start = 0;
        }

        return n;
    }

    public void Dispose()
    {
    }
}
