using System.Numerics;
using System.Runtime.InteropServices;

namespace MusicEmotion.Audio.Processing;

/// <summary>
/// Streaming band-limited sample-rate converter for one channel: a Kaiser-windowed-sinc low-pass filter evaluated
/// in polyphase form, for any pair of integer rates.
/// </summary>
/// <remarks>
/// <para>
/// <b>Ratio.</b> The conversion factor <c>target / source</c> is reduced by the gcd to <c>L / M</c>. When
/// <c>L ≤ 1024</c> (e.g. 44100→22050 is 1/2, 48000→22050 is 147/320, 8000→44100 is 441/80) every output phase has
/// its own exact row of taps. Otherwise (e.g. 44101→22050 is 22050/44101) a finely oversampled table is used and the
/// taps are interpolated linearly between adjacent phases, which costs two dot products per output sample and stays
/// well below the stopband level.
/// </para>
/// <para>
/// <b>Filter.</b> The −6 dB cutoff sits at a fixed fraction of the lower of the two Nyquist frequencies (0.94 for
/// <see cref="ResamplerQuality.Balanced"/>; see <see cref="ResamplerQuality"/>) and the stopband, at least 60/80/100 dB
/// down, starts exactly at that Nyquist frequency. Every phase has unity DC gain.
/// </para>
/// <para>
/// <b>Timing and length.</b> Output sample <c>n</c> is the band-limited input evaluated at input time
/// <c>n · source / target</c>: output 0 coincides with input 0, so the filter's group delay is compensated and there is
/// no leading silence. Samples before the start and after the end of the input count as zeros. Once
/// <see cref="Complete"/> has been called after <c>N</c> input samples, exactly <see cref="GetOutputLength"/>
/// <c>(N) = round(N · target / source)</c> samples (halves rounded up) come out in total.
/// </para>
/// <para>
/// <b>Streaming.</b> Input is pushed with <see cref="Write"/> and output pulled with <see cref="Read"/>, in any chunk
/// sizes; the output is bit-identical whatever the chunking. The resampler keeps the last <see cref="TapCount"/> input
/// samples (plus whatever was written but not yet consumed) between calls; an output sample is released as soon as
/// its <see cref="LookAhead"/> future input samples have been written, except that other exact ratios than integer
/// decimation (48000→22050 is 147/320) on SIMD hardware release their outputs a block at a time (64·L outputs on
/// AVX2: 9,408 at 48000→22050, once about 0.43 s of input is buffered; the stream's tail one by one). Not thread-safe.
/// </para>
/// </remarks>
public sealed class PolyphaseResampler
{
    /// <summary>The highest sample rate accepted, in Hz.</summary>
    public const int MaxSampleRate = 1_000_000;

    /// <summary>The largest accepted ratio between the two rates, in either direction.</summary>
    public const int MaxRateRatio = 256;

    private readonly PolyphaseFilterBank _filter;
    private readonly int _up;
    private readonly int _down;
    private readonly int _halfWidth;
    private readonly double _phaseScale;
    private readonly SymmetricDecimator? _decimator; // integer decimation with a symmetric row
    private readonly PhaseBlockKernel? _blocks; // other exact ratios, a block of lanes · L outputs at a time

    private float[]? _pending; // a block computed for a read too small to take it whole
    private int _pendingStart;
    private int _pendingCount;

    private float[] _buffer;
    private long _origin; // absolute input index of _buffer[0]
    private int _count; // valid samples in _buffer
    private long _inputIndex; // floor of the input position of the next output sample
    private int _phase; // numerator of the fractional input position of the next output sample, in [0, _up)
    private long _inputWritten;
    private long _outputProduced;
    private long _outputTotal; // known once completed
    private bool _completed;

    /// <summary>Creates a resampler from <paramref name="sourceRate"/> to <paramref name="targetRate"/>.</summary>
    /// <param name="sourceRate">Input sample rate in Hz, 1 to <see cref="MaxSampleRate"/>.</param>
    /// <param name="targetRate">Output sample rate in Hz, 1 to <see cref="MaxSampleRate"/>.</param>
    /// <param name="quality">Filter preset; see <see cref="ResamplerQuality"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A rate is not positive or above <see cref="MaxSampleRate"/>, the rates differ by more than
    /// <see cref="MaxRateRatio"/> times, or <paramref name="quality"/> is not a defined value.
    /// </exception>
    public PolyphaseResampler(int sourceRate, int targetRate, ResamplerQuality quality = ResamplerQuality.Balanced)
    {
        ValidateRates(sourceRate, targetRate);
        if (!Enum.IsDefined(quality))
        {
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "Unknown resampler quality.");
        }

        SourceRate = sourceRate;
        TargetRate = targetRate;
        Quality = quality;
        int gcd = Gcd(sourceRate, targetRate);
        _up = targetRate / gcd;
        _down = sourceRate / gcd;
        _filter = PolyphaseFilterBank.Design(_up, _down, quality);
        _halfWidth = _filter.HalfWidth;
        _phaseScale = (double)_filter.PhaseCount / _up;
        float[]? folded = _up == 1 && _filter.IsExact ? FoldedTaps(_filter.Row(0), _halfWidth) : null;
        _decimator = folded is null ? null : new SymmetricDecimator(folded, _down);
        _blocks = _decimator is null && PhaseBlockKernel.Serves(_filter, _up, _down) ? new PhaseBlockKernel(_filter, _up, _down) : null;
        _buffer = new float[Math.Max(4096, 2 * _filter.TapCount)];
        Reset();
    }

    /// <summary>Input sample rate in Hz.</summary>
    public int SourceRate { get; }

    /// <summary>Output sample rate in Hz.</summary>
    public int TargetRate { get; }

    /// <summary>The filter preset.</summary>
    public ResamplerQuality Quality { get; }

    /// <summary>The reduced interpolation factor L (<c>target / gcd</c>).</summary>
    public int UpFactor => _up;

    /// <summary>The reduced decimation factor M (<c>source / gcd</c>).</summary>
    public int DownFactor => _down;

    /// <summary>Filter taps per output sample (input samples in each dot product).</summary>
    public int TapCount => _filter.TapCount;

    /// <summary>Input samples that must be written beyond an output sample's position before it can be read.</summary>
    public int LookAhead => _halfWidth;

    /// <summary>True when every phase has an exact precomputed row; false when rows are interpolated (large L).</summary>
    public bool UsesExactPhases => _filter.IsExact;

    /// <summary>The anti-alias filter's −6 dB cutoff in Hz.</summary>
    public double CutoffHz => _filter.CutoffCyclesPerInputSample * SourceRate;

    /// <summary>Input samples written since construction or <see cref="Reset"/>.</summary>
    public long InputSamplesWritten => _inputWritten;

    /// <summary>Output samples read since construction or <see cref="Reset"/>.</summary>
    public long OutputSamplesRead => _outputProduced;

    /// <summary>True once <see cref="Complete"/> was called.</summary>
    public bool IsCompleted => _completed;

    /// <summary>True once <see cref="Complete"/> was called and every output sample has been read.</summary>
    public bool IsDrained => _completed && _outputProduced >= _outputTotal;

    /// <summary>
    /// The number of output samples for <paramref name="inputLength"/> input samples:
    /// <c>round(inputLength · targetRate / sourceRate)</c>, halves rounded up, computed exactly in integers.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate or the length is out of range.</exception>
    public static long GetOutputLength(long inputLength, int sourceRate, int targetRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        ValidateRates(sourceRate, targetRate);
        Int128 numerator = (2 * (Int128)inputLength * targetRate) + sourceRate;
        return (long)(numerator / (2 * (Int128)sourceRate));
    }

    /// <summary>Resamples a whole in-memory signal in one call (convenience over <see cref="Write"/>/<see cref="Read"/>).</summary>
    /// <param name="input">Mono input samples.</param>
    /// <param name="sourceRate">Input sample rate in Hz.</param>
    /// <param name="targetRate">Output sample rate in Hz.</param>
    /// <param name="quality">Filter preset.</param>
    /// <returns>Exactly <see cref="GetOutputLength"/> samples; a copy of the input when the rates are equal.</returns>
    /// <exception cref="ArgumentOutOfRangeException">See the constructor.</exception>
    public static float[] Resample(ReadOnlySpan<float> input, int sourceRate, int targetRate, ResamplerQuality quality = ResamplerQuality.Balanced)
    {
        ValidateRates(sourceRate, targetRate);
        if (sourceRate == targetRate)
        {
            return input.ToArray();
        }

        var resampler = new PolyphaseResampler(sourceRate, targetRate, quality);
        var output = new float[GetOutputLength(input.Length, sourceRate, targetRate)];
        resampler.Write(input);
        resampler.Complete();
        int read = resampler.Read(output);
        System.Diagnostics.Debug.Assert(read == output.Length && resampler.IsDrained, "one-shot resample must drain");
        return output;
    }

    /// <summary>Appends input samples. They are copied; the caller may reuse the span.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was already called.</exception>
    public void Write(ReadOnlySpan<float> input)
    {
        if (_completed)
        {
            throw new InvalidOperationException("Cannot write to the resampler after Complete(); call Reset() to start a new stream.");
        }

        _inputWritten += input.Length;
        Append(input);
    }

    /// <summary>
    /// Marks the end of the input: the tail (the last <see cref="LookAhead"/> input samples' worth) becomes
    /// readable, zero-padded, and the total output is fixed at <see cref="GetOutputLength"/> of the samples written.
    /// Calling it again has no effect.
    /// </summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        _outputTotal = GetOutputLength(_inputWritten, SourceRate, TargetRate);
        Span<float> zeros = stackalloc float[256];
        zeros.Clear();
        for (int remaining = _halfWidth; remaining > 0; remaining -= zeros.Length)
        {
            Append(zeros[..Math.Min(remaining, zeros.Length)]);
        }
    }

    /// <summary>
    /// Writes as many output samples as are available (up to <paramref name="output"/>'s length) and returns the
    /// count. Returns 0 when more input is needed, or, after <see cref="Complete"/>, when the stream is drained.
    /// </summary>
    public int Read(Span<float> output)
    {
        if (_decimator is not null)
        {
            return ReadDecimated(output);
        }

        int produced = 0;
        if (_pendingCount > 0)
        {
            produced = Math.Min(_pendingCount, output.Length);
            _pending.AsSpan(_pendingStart, produced).CopyTo(output);
            _pendingStart += produced;
            _pendingCount -= produced;
            _outputProduced += produced;
        }

        long available = _origin + _count; // one past the last buffered absolute index
        int taps = _filter.TapCount;
        while (produced < output.Length)
        {
            if (_completed && _outputProduced >= _outputTotal)
            {
                break;
            }

            if (_blocks is not null && _phase == 0)
            {
                if (TryReadBlock(output, ref produced, available))
                {
                    continue;
                }

                if (!_completed)
                {
                    break; // wait for a whole block's input; only the stream's tail goes one output at a time
                }
            }

            if (_inputIndex + _halfWidth >= available)
            {
                break; // need more input
            }

            int start = (int)(_inputIndex - _halfWidth + 1 - _origin);
            ReadOnlySpan<float> window = _buffer.AsSpan(start, taps);
            float value;
            if (_blocks is not null)
            {
                value = PhaseBlockKernel.Output(window, _filter.Row(_phase));
            }
            else if (_filter.IsExact)
            {
                value = Dot(window, _filter.Row(_phase));
            }
            else
            {
                double position = _phase * _phaseScale;
                int row = (int)position;
                float weight = (float)(position - row);
                float lower = Dot(window, _filter.Row(row));
                float upper = weight == 0f ? 0f : Dot(window, _filter.Row(row + 1));
                value = lower + (weight * (upper - lower));
            }

            output[produced++] = value;
            _outputProduced++;
            _phase += _down;
            if (_phase >= _up)
            {
                _inputIndex += _phase / _up;
                _phase %= _up;
            }
        }

        return produced;
    }

    /// <summary>Forgets all input and output, returning to the state right after construction.</summary>
    public void Reset()
    {
        // The history before input 0 is silence: HalfWidth - 1 zeros precede it.
        Array.Clear(_buffer);
        _origin = -(_halfWidth - 1);
        _count = _halfWidth - 1;
        _inputIndex = 0;
        _phase = 0;
        _inputWritten = 0;
        _outputProduced = 0;
        _outputTotal = 0;
        _completed = false;
        _pendingStart = 0;
        _pendingCount = 0;
    }

    /// <summary>
    /// At phase 0, computes the next block of <see cref="PhaseBlockKernel.BlockOutputs"/> outputs when its input is
    /// buffered and (once completed) all of it is due: straight into <paramref name="output"/> when it fits, otherwise
    /// into the pending buffer, of which as much as fits is read now. The pending outputs count as computed: the
    /// input position moves past the whole block.
    /// </summary>
    private bool TryReadBlock(Span<float> output, ref int produced, long available)
    {
        PhaseBlockKernel blocks = _blocks!;
        int block = blocks.BlockOutputs;
        if (_inputIndex + blocks.LastInputOffset + _halfWidth >= available || (_completed && _outputTotal - _outputProduced < block))
        {
            return false;
        }

        int start = (int)(_inputIndex - _halfWidth + 1 - _origin);
        int room = output.Length - produced;
        if (room >= block)
        {
            blocks.Compute(_buffer.AsSpan(0, _count), start, output.Slice(produced, block));
            produced += block;
            _outputProduced += block;
        }
        else
        {
            _pending ??= new float[block];
            blocks.Compute(_buffer.AsSpan(0, _count), start, _pending);
            _pending.AsSpan(0, room).CopyTo(output[produced..]);
            produced += room;
            _outputProduced += room;
            _pendingStart = room;
            _pendingCount = block - room;
        }

        _inputIndex += blocks.BlockInputAdvance;
        return true;
    }

    private void Append(ReadOnlySpan<float> input)
    {
        long firstNeeded = _inputIndex - _halfWidth + 1;
        long end = _origin + _count;
        if (firstNeeded >= end)
        {
            // Decimating by a large factor can leave the whole buffer (and some new input) behind the filter.
            int skip = (int)Math.Min(input.Length, firstNeeded - end);
            input = input[skip..];
            _origin = end + skip;
            _count = 0;
        }
        else if (firstNeeded > _origin && _count + input.Length > _buffer.Length)
        {
            int discard = (int)(firstNeeded - _origin);
            _buffer.AsSpan(discard, _count - discard).CopyTo(_buffer);
            _origin += discard;
            _count -= discard;
        }

        if (_count + input.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + input.Length));
        }

        input.CopyTo(_buffer.AsSpan(_count));
        _count += input.Length;
    }

    /// <summary>
    /// The folded taps of <paramref name="row"/> (the single row of an integer decimation) when it is symmetric about
    /// tap <c>c = halfWidth − 1</c>, the output's own input sample, and its last tap is zero: <c>g[0] = h[c] / 2</c>,
    /// <c>g[j] = h[c + j]</c>; null otherwise. The <see cref="SymmetricDecimator"/> then adds the two samples that
    /// share a coefficient before multiplying: half the products of <see cref="Dot"/>.
    /// </summary>
    private static float[]? FoldedTaps(ReadOnlySpan<float> row, int halfWidth)
    {
        int centre = halfWidth - 1;
        if (row.Length != 2 * halfWidth || row[^1] != 0f)
        {
            return null;
        }

        var taps = new float[halfWidth];
        taps[0] = row[centre] / 2;
        for (int j = 1; j < halfWidth; j++)
        {
            if (row[centre - j] != row[centre + j])
            {
                return null;
            }

            taps[j] = row[centre + j];
        }

        return taps;
    }

    /// <summary>
    /// <see cref="Read"/> for an integer decimation with a symmetric row: every output whose input is buffered, in one
    /// call to the <see cref="SymmetricDecimator"/>. The phase stays 0; each output advances the input by M.
    /// </summary>
    private int ReadDecimated(Span<float> output)
    {
        long available = _origin + _count;
        long ready = available - 1 - _halfWidth - _inputIndex; // output k needs _inputIndex + k·M + HalfWidth < available
        if (ready < 0)
        {
            return 0;
        }

        long count = Math.Min((ready / _down) + 1, output.Length);
        if (_completed)
        {
            count = Math.Min(count, _outputTotal - _outputProduced);
        }

        if (count <= 0)
        {
            return 0;
        }

        _decimator!.Decimate(_buffer.AsSpan(0, _count), (int)(_inputIndex - _origin), output[..(int)count]);
        _outputProduced += count;
        _inputIndex += count * _down;
        return (int)count;
    }

    /// <summary>SIMD dot product; the summation order depends only on the lengths, so results are reproducible.</summary>
    internal static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        int n = Math.Min(x.Length, y.Length);
        x = x[..n];
        y = y[..n];
        float sum = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
            var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
            var acc0 = Vector<float>.Zero;
            var acc1 = Vector<float>.Zero;
            int v = 0;
            for (; v + 1 < vx.Length; v += 2)
            {
                acc0 += vx[v] * vy[v];
                acc1 += vx[v + 1] * vy[v + 1];
            }

            if (v < vx.Length)
            {
                acc0 += vx[v] * vy[v];
            }

            sum = Vector.Sum(acc0 + acc1);
            i = vx.Length * Vector<float>.Count;
        }

        for (; i < n; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    internal static void ValidateRates(int sourceRate, int targetRate)
    {
        ValidateRate(sourceRate, nameof(sourceRate));
        ValidateRate(targetRate, nameof(targetRate));
        if ((long)sourceRate > (long)targetRate * MaxRateRatio || (long)targetRate > (long)sourceRate * MaxRateRatio)
        {
            throw new ArgumentOutOfRangeException(
                nameof(targetRate),
                targetRate,
                $"Cannot resample {sourceRate} Hz to {targetRate} Hz: the rates may differ by at most {MaxRateRatio} times.");
        }
    }

    internal static void ValidateRate(int rate, string paramName)
    {
        if (rate <= 0 || rate > MaxSampleRate)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                rate,
                $"A sample rate must be between 1 and {MaxSampleRate:N0} Hz; got {rate}.");
        }
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
