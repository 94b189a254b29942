namespace MusicEmotion.Features.Spectral;

/// <summary>
/// Cuts a signal that arrives in chunks of any size into overlapping frames of <see cref="FrameLength"/> samples every
/// <see cref="HopLength"/> samples, exactly as librosa frames the whole signal: when <see cref="Center"/> is set the
/// signal is padded by <c>FrameLength/2</c> samples on each side (zeros for <see cref="PadMode.Constant"/>; numpy
/// <c>'reflect'</c> mirroring, without repeating the edge sample, for <see cref="PadMode.Reflect"/>), giving
/// <c>1 + len/hop</c> frames; otherwise frames start at <c>t·hop</c> and only whole frames are produced.
/// </summary>
/// <remarks>
/// Memory is bounded (a few frames) whatever the signal length, and <see cref="Push"/> does not allocate. With reflect
/// padding, frames are produced only once <c>FrameLength/2 + 1</c> samples have arrived (the left mirror needs them).
/// For a signal no longer than <c>FrameLength/2</c> samples the reflection is repeated periodically (as numpy does).
/// Not thread-safe.
/// </remarks>
internal sealed class SignalFramer
{
    private readonly float[] _buffer;
    private readonly float[] _leading;
    private readonly float[] _tailRing;
    private readonly int _pad;
    private int _head;
    private int _count;
    private long _skip;
    private int _leadingCount;
    private int _tailPosition;
    private bool _started;
    private bool _completed;

    /// <summary>Creates a framer.</summary>
    /// <param name="frameLength">Samples per frame (≥ 1).</param>
    /// <param name="hopLength">Samples between frame starts (≥ 1).</param>
    /// <param name="center">Centre frames by padding <c>frameLength/2</c> samples each side (librosa default: true).</param>
    /// <param name="padMode">Padding used when centred (default zeros).</param>
    public SignalFramer(int frameLength, int hopLength, bool center = true, PadMode padMode = PadMode.Constant)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hopLength, 1);
        if (!Enum.IsDefined(padMode))
        {
            throw new ArgumentOutOfRangeException(nameof(padMode), padMode, "Unknown pad mode.");
        }

        FrameLength = frameLength;
        HopLength = hopLength;
        Center = center;
        PadMode = padMode;
        _pad = center ? frameLength / 2 : 0;
        _buffer = new float[Math.Max(4 * frameLength, frameLength + hopLength)];
        bool reflect = center && padMode == PadMode.Reflect;
        _leading = new float[reflect ? _pad + 1 : 0];
        _tailRing = new float[reflect ? _pad + 1 : 0];
    }

    /// <summary>Samples per frame.</summary>
    public int FrameLength { get; }

    /// <summary>Samples between successive frame starts.</summary>
    public int HopLength { get; }

    /// <summary>Whether frames are centred (signal padded by <c>FrameLength/2</c> each side).</summary>
    public bool Center { get; }

    /// <summary>Padding used when centred.</summary>
    public PadMode PadMode { get; }

    /// <summary>Signal samples received so far.</summary>
    public long SamplesPushed { get; private set; }

    /// <summary>Frames emitted so far.</summary>
    public long FramesEmitted { get; private set; }

    private bool Reflecting => _pad > 0 && PadMode == PadMode.Reflect;

    /// <summary>Feeds the next samples; every frame that becomes complete is passed to <paramref name="consumer"/>.</summary>
    /// <param name="samples">Next chunk of the signal (any length, may be empty).</param>
    /// <param name="consumer">Receives completed frames.</param>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was already called (use <see cref="Reset"/>).</exception>
    public void Push(ReadOnlySpan<float> samples, IFrameConsumer consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        if (_completed)
        {
            throw new InvalidOperationException("The framer was completed; call Reset() before pushing a new signal.");
        }

        if (samples.IsEmpty)
        {
            return;
        }

        SamplesPushed += samples.Length;
        if (Reflecting)
        {
            RememberTail(samples);
            if (!_started)
            {
                int take = Math.Min(_leading.Length - _leadingCount, samples.Length);
                samples[..take].CopyTo(_leading.AsSpan(_leadingCount));
                _leadingCount += take;
                samples = samples[take..];
                if (_leadingCount < _leading.Length)
                {
                    return;
                }

                _started = true;
                for (int j = 0; j < _pad; j++)
                {
                    AppendOne(_leading[_pad - j], consumer);
                }

                Append(_leading, consumer);
            }
        }
        else
        {
            EnsureStarted(consumer);
        }

        Append(samples, consumer);
    }

    /// <summary>Signals the end of the input: appends the right padding and emits the remaining frames.</summary>
    /// <param name="consumer">Receives the last frames.</param>
    /// <exception cref="InvalidOperationException">Already completed.</exception>
    public void Complete(IFrameConsumer consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        if (_completed)
        {
            throw new InvalidOperationException("The framer was already completed; call Reset() before reusing it.");
        }

        _completed = true;
        if (_pad == 0)
        {
            return;
        }

        if (!Reflecting)
        {
            EnsureStarted(consumer);
            for (int j = 0; j < _pad; j++)
            {
                AppendOne(0f, consumer);
            }

            return;
        }

        if (!_started)
        {
            // Whole signal (≤ pad samples) is in _leading: mirror it periodically like numpy.
            _started = true;
            int len = _leadingCount;
            for (long p = -_pad; p < len + _pad; p++)
            {
                AppendOne(len == 0 ? 0f : _leading[ReflectIndex(p, len)], consumer);
            }

            return;
        }

        // Right pad: x[len-2], x[len-3], ..., x[len-1-pad]; the ring holds the last pad+1 samples.
        int ringLength = _tailRing.Length;
        for (int j = 0; j < _pad; j++)
        {
            // Most recent sample x[len-1] sits at _tailPosition - 1.
            int index = (_tailPosition - 2 - j) % ringLength;
            if (index < 0)
            {
                index += ringLength;
            }

            AppendOne(_tailRing[index], consumer);
        }
    }

    /// <summary>Forgets all state so that a new signal can be framed.</summary>
    public void Reset()
    {
        _head = 0;
        _count = 0;
        _skip = 0;
        _leadingCount = 0;
        _tailPosition = 0;
        _started = false;
        _completed = false;
        SamplesPushed = 0;
        FramesEmitted = 0;
    }

    private static int ReflectIndex(long p, int len)
    {
        if (len == 1)
        {
            return 0;
        }

        long period = 2L * (len - 1);
        long m = p % period;
        if (m < 0)
        {
            m += period;
        }

        return (int)(m < len ? m : period - m);
    }

    private void EnsureStarted(IFrameConsumer consumer)
    {
        if (_started)
        {
            return;
        }

        _started = true;
        for (int j = 0; j < _pad; j++)
        {
            AppendOne(0f, consumer);
        }
    }

    private void RememberTail(ReadOnlySpan<float> samples)
    {
        int ringLength = _tailRing.Length;
        if (samples.Length >= ringLength)
        {
            samples[^ringLength..].CopyTo(_tailRing);
            _tailPosition = 0;
            return;
        }

        foreach (float s in samples)
        {
            _tailRing[_tailPosition] = s;
            _tailPosition = _tailPosition + 1 == ringLength ? 0 : _tailPosition + 1;
        }
    }

    private void AppendOne(float value, IFrameConsumer consumer) => Append(new ReadOnlySpan<float>(in value), consumer);

    private void Append(ReadOnlySpan<float> samples, IFrameConsumer consumer)
    {
        while (!samples.IsEmpty)
        {
            if (_skip > 0)
            {
                int drop = (int)Math.Min(_skip, samples.Length);
                _skip -= drop;
                samples = samples[drop..];
                continue;
            }

            if (_head + _count == _buffer.Length)
            {
                _buffer.AsSpan(_head, _count).CopyTo(_buffer);
                _head = 0;
            }

            int take = Math.Min(samples.Length, _buffer.Length - _head - _count);
            samples[..take].CopyTo(_buffer.AsSpan(_head + _count));
            _count += take;
            samples = samples[take..];
            while (_count >= FrameLength)
            {
                consumer.OnFrame(_buffer.AsSpan(_head, FrameLength));
                FramesEmitted++;
                if (HopLength <= _count)
                {
                    _head += HopLength;
                    _count -= HopLength;
                }
                else
                {
                    _skip = HopLength - _count;
                    _head = 0;
                    _count = 0;
                }
            }
        }
    }
}
