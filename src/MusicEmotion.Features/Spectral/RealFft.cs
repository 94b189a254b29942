using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.InteropServices;

namespace MusicEmotion.Features.Spectral;

/// <summary>
/// Forward discrete Fourier transform of a real signal of power-of-two length <c>n</c>, returning the
/// <c>n/2 + 1</c> non-negative-frequency bins <c>X[k] = Σ x[m]·e^{-2πikm/n}</c> (no scaling, numpy/Matlab convention).
/// </summary>
/// <remarks>
/// The real input is packed into an <c>n/2</c>-point complex sequence (even samples → real, odd → imaginary), transformed
/// by an iterative radix-2 decimation-in-time FFT on split real/imaginary arrays (precomputed bit-reversal and per-stage
/// twiddles; first two stages fused into one radix-4 pass; SIMD butterflies with <see cref="Vector{T}"/> for stages whose
/// span is at least one vector), and unpacked with the standard real-FFT post-processing twiddles.
/// An instance owns scratch buffers: it is <b>not thread-safe</b>; use one instance per thread. No method allocates.
/// </remarks>
internal sealed class RealFft
{
    private readonly int _half;
    private readonly int[] _bitReverse;
    private readonly float[] _stageCos;
    private readonly float[] _stageSin;
    private readonly float[] _unpackCos;
    private readonly float[] _unpackSin;
    private readonly float[] _re;
    private readonly float[] _im;
    private readonly float[] _outRe;
    private readonly float[] _outIm;

    /// <summary>Prepares twiddles, bit-reversal table and scratch buffers for length <paramref name="n"/>.</summary>
    /// <param name="n">Transform length: a power of two ≥ 2.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not a power of two ≥ 2.</exception>
    public RealFft(int n)
    {
        if (n < 2 || !BitOperations.IsPow2(n))
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "RealFft length must be a power of two ≥ 2.");
        }

        Length = n;
        _half = n / 2;
        int bits = BitOperations.Log2((uint)_half);
        _bitReverse = new int[_half];
        for (int i = 0; i < _half; i++)
        {
            _bitReverse[i] = bits == 0 ? 0 : (int)(ReverseBits((uint)i) >> (32 - bits));
        }

        // Stage with butterfly span h uses w_j = exp(-iπj/h), j < h, stored at offset h - 1.
        _stageCos = new float[Math.Max(1, _half)];
        _stageSin = new float[Math.Max(1, _half)];
        for (int h = 1; h < _half; h <<= 1)
        {
            for (int j = 0; j < h; j++)
            {
                double angle = -Math.PI * j / h;
                _stageCos[h - 1 + j] = (float)Math.Cos(angle);
                _stageSin[h - 1 + j] = (float)Math.Sin(angle);
            }
        }

        _unpackCos = new float[_half + 1];
        _unpackSin = new float[_half + 1];
        for (int k = 0; k <= _half; k++)
        {
            double angle = 2.0 * Math.PI * k / n;
            _unpackCos[k] = (float)Math.Cos(angle);
            _unpackSin[k] = (float)Math.Sin(angle);
        }

        _re = new float[_half];
        _im = new float[_half];
        _outRe = new float[_half + 1];
        _outIm = new float[_half + 1];
    }

    /// <summary>Transform length <c>n</c>.</summary>
    public int Length { get; }

    /// <summary>Number of output bins, <c>n/2 + 1</c>.</summary>
    public int BinCount => _half + 1;

    /// <summary>Computes the <c>n/2 + 1</c> complex bins of the real signal <paramref name="input"/>.</summary>
    /// <param name="input">Exactly <c>n</c> real samples.</param>
    /// <param name="real">Receives the real parts; length ≥ <c>n/2 + 1</c>.</param>
    /// <param name="imag">Receives the imaginary parts; length ≥ <c>n/2 + 1</c>.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Forward(ReadOnlySpan<float> input, Span<float> real, Span<float> imag)
    {
        if (input.Length != Length)
        {
            throw new ArgumentException($"Input length {input.Length} must equal the FFT length {Length}.", nameof(input));
        }

        if (real.Length < BinCount || imag.Length < BinCount)
        {
            throw new ArgumentException($"Output spans need at least {BinCount} elements (got {real.Length} and {imag.Length}).");
        }

        Pack(input);
        TransformHalf();
        Unpack(real, imag);
    }

    /// <summary>Computes the power spectrum <c>|X[k]|² = Re² + Im²</c> of <paramref name="input"/>, k = 0..n/2.</summary>
    /// <param name="input">Exactly <c>n</c> real samples.</param>
    /// <param name="power">Receives <c>n/2 + 1</c> values.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void PowerSpectrum(ReadOnlySpan<float> input, Span<float> power)
    {
        if (power.Length < BinCount)
        {
            throw new ArgumentException($"Power span needs at least {BinCount} elements (got {power.Length}).", nameof(power));
        }

        Forward(input, _outRe, _outIm);
        Span<float> dest = power[..BinCount];
        TensorPrimitives.Multiply(_outIm, _outIm, dest);
        TensorPrimitives.MultiplyAdd(_outRe, _outRe, dest, dest);
    }

    /// <summary>Computes the magnitude spectrum <c>|X[k]|</c> of <paramref name="input"/>, k = 0..n/2.</summary>
    /// <param name="input">Exactly <c>n</c> real samples.</param>
    /// <param name="magnitude">Receives <c>n/2 + 1</c> values.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void MagnitudeSpectrum(ReadOnlySpan<float> input, Span<float> magnitude)
    {
        PowerSpectrum(input, magnitude);
        TensorPrimitives.Sqrt(magnitude[..BinCount], magnitude[..BinCount]);
    }

    private void Pack(ReadOnlySpan<float> input)
    {
        int[] rev = _bitReverse;
        float[] re = _re;
        float[] im = _im;
        for (int k = 0; k < rev.Length; k++)
        {
            int r = rev[k];
            re[r] = input[2 * k];
            im[r] = input[(2 * k) + 1];
        }
    }

    private void TransformHalf()
    {
        int n = _half;
        int h = 1;
        if (n >= 4)
        {
            Radix4FirstPass(_re, _im);
            h = 4;
        }

        int vectorWidth = Vector<float>.Count;
        for (; h < n; h <<= 1)
        {
            if (Vector.IsHardwareAccelerated && h >= vectorWidth)
            {
                VectorStage(h);
            }
            else if (Vector128.IsHardwareAccelerated && h >= Vector128<float>.Count)
            {
                Vector128Stage(h);
            }
            else
            {
                ScalarStage(h);
            }
        }
    }

    private static void Radix4FirstPass(float[] reArr, float[] imArr)
    {
        Span<float> re = reArr;
        Span<float> im = imArr;
        for (int g = 0; g + 3 < re.Length; g += 4)
        {
            float x0r = re[g], x1r = re[g + 1], x2r = re[g + 2], x3r = re[g + 3];
            float x0i = im[g], x1i = im[g + 1], x2i = im[g + 2], x3i = im[g + 3];
            float y0r = x0r + x1r, y0i = x0i + x1i;
            float y1r = x0r - x1r, y1i = x0i - x1i;
            float y2r = x2r + x3r, y2i = x2i + x3i;
            float y3r = x2r - x3r, y3i = x2i - x3i;
            re[g] = y0r + y2r;
            im[g] = y0i + y2i;
            re[g + 2] = y0r - y2r;
            im[g + 2] = y0i - y2i;
            re[g + 1] = y1r + y3i;
            im[g + 1] = y1i - y3r;
            re[g + 3] = y1r - y3i;
            im[g + 3] = y1i + y3r;
        }
    }

    private void ScalarStage(int h)
    {
        Span<float> re = _re;
        Span<float> im = _im;
        ReadOnlySpan<float> wc = _stageCos.AsSpan(h - 1, h);
        ReadOnlySpan<float> ws = _stageSin.AsSpan(h - 1, h);
        for (int g = 0; g < re.Length; g += 2 * h)
        {
            for (int j = 0; j < h; j++)
            {
                int a = g + j;
                int b = a + h;
                float br = re[b], bi = im[b];
                float tr = (br * wc[j]) - (bi * ws[j]);
                float ti = (br * ws[j]) + (bi * wc[j]);
                re[b] = re[a] - tr;
                im[b] = im[a] - ti;
                re[a] += tr;
                im[a] += ti;
            }
        }
    }

    private void VectorStage(int h)
    {
        int vw = Vector<float>.Count;
        Span<Vector<float>> re = MemoryMarshal.Cast<float, Vector<float>>(_re.AsSpan());
        Span<Vector<float>> im = MemoryMarshal.Cast<float, Vector<float>>(_im.AsSpan());
        ReadOnlySpan<float> wcAll = _stageCos.AsSpan(h - 1, h);
        ReadOnlySpan<float> wsAll = _stageSin.AsSpan(h - 1, h);
        int hv = h / vw;
        int groups = _half / (2 * h);
        for (int jv = 0; jv < hv; jv++)
        {
            var wc = new Vector<float>(wcAll.Slice(jv * vw, vw));
            var ws = new Vector<float>(wsAll.Slice(jv * vw, vw));
            int a = jv;
            for (int g = 0; g < groups; g++, a += 2 * hv)
            {
                int b = a + hv;
                Vector<float> br = re[b], bi = im[b];
                Vector<float> tr = (br * wc) - (bi * ws);
                Vector<float> ti = (br * ws) + (bi * wc);
                Vector<float> ar = re[a], ai = im[a];
                re[b] = ar - tr;
                im[b] = ai - ti;
                re[a] = ar + tr;
                im[a] = ai + ti;
            }
        }
    }

    private void Vector128Stage(int h)
    {
        const int vw = 4;
        ReadOnlySpan<float> wcAll = _stageCos.AsSpan(h - 1, h);
        ReadOnlySpan<float> wsAll = _stageSin.AsSpan(h - 1, h);
        ref float re = ref MemoryMarshal.GetArrayDataReference(_re);
        ref float im = ref MemoryMarshal.GetArrayDataReference(_im);
        for (int j = 0; j < h; j += vw)
        {
            Vector128<float> wc = Vector128.Create(wcAll.Slice(j, vw));
            Vector128<float> ws = Vector128.Create(wsAll.Slice(j, vw));
            for (int a = j; a < _half; a += 2 * h)
            {
                nuint ia = (nuint)a;
                nuint ib = (nuint)(a + h);
                Vector128<float> br = Vector128.LoadUnsafe(ref re, ib), bi = Vector128.LoadUnsafe(ref im, ib);
                Vector128<float> tr = (br * wc) - (bi * ws);
                Vector128<float> ti = (br * ws) + (bi * wc);
                Vector128<float> ar = Vector128.LoadUnsafe(ref re, ia), ai = Vector128.LoadUnsafe(ref im, ia);
                (ar - tr).StoreUnsafe(ref re, ib);
                (ai - ti).StoreUnsafe(ref im, ib);
                (ar + tr).StoreUnsafe(ref re, ia);
                (ai + ti).StoreUnsafe(ref im, ia);
            }
        }
    }

    private void Unpack(Span<float> real, Span<float> imag)
    {
        int n = _half;
        ReadOnlySpan<float> re = _re;
        ReadOnlySpan<float> im = _im;
        ReadOnlySpan<float> cos = _unpackCos;
        ReadOnlySpan<float> sin = _unpackSin;
        real[0] = re[0] + im[0];
        imag[0] = 0f;
        real[n] = re[0] - im[0];
        imag[n] = 0f;
        int k = 1;
        if (Vector256.IsHardwareAccelerated && n >= 16)
        {
            k = UnpackVectorised(real, imag);
        }

        for (; k < n; k++)
        {
            float a = re[k], b = im[k];
            float c = re[n - k], d = im[n - k];
            float evenRe = 0.5f * (a + c);
            float evenIm = 0.5f * (b - d);
            float oddRe = 0.5f * (b + d);
            float oddIm = 0.5f * (c - a);
            real[k] = evenRe + (cos[k] * oddRe) + (sin[k] * oddIm);
            imag[k] = evenIm + (cos[k] * oddIm) - (sin[k] * oddRe);
        }
    }

    private int UnpackVectorised(Span<float> real, Span<float> imag)
    {
        int n = _half;
        ref float re = ref MemoryMarshal.GetArrayDataReference(_re);
        ref float im = ref MemoryMarshal.GetArrayDataReference(_im);
        ref float cos = ref MemoryMarshal.GetArrayDataReference(_unpackCos);
        ref float sin = ref MemoryMarshal.GetArrayDataReference(_unpackSin);
        Vector256<int> reverse = Vector256.Create(7, 6, 5, 4, 3, 2, 1, 0);
        Vector256<float> half = Vector256.Create(0.5f);
        int k = 1;
        for (; k + 8 <= n; k += 8)
        {
            // Z[n-k-j] for j = 0..7 is the reversed load starting at n-k-7.
            nuint mirror = (nuint)(n - k - 7);
            Vector256<float> a = Vector256.LoadUnsafe(ref re, (nuint)k);
            Vector256<float> b = Vector256.LoadUnsafe(ref im, (nuint)k);
            Vector256<float> c = Vector256.Shuffle(Vector256.LoadUnsafe(ref re, mirror), reverse);
            Vector256<float> d = Vector256.Shuffle(Vector256.LoadUnsafe(ref im, mirror), reverse);
            Vector256<float> evenRe = half * (a + c);
            Vector256<float> evenIm = half * (b - d);
            Vector256<float> oddRe = half * (b + d);
            Vector256<float> oddIm = half * (c - a);
            Vector256<float> wc = Vector256.LoadUnsafe(ref cos, (nuint)k);
            Vector256<float> ws = Vector256.LoadUnsafe(ref sin, (nuint)k);
            (evenRe + (wc * oddRe) + (ws * oddIm)).CopyTo(real.Slice(k, 8));
            (evenIm + (wc * oddIm) - (ws * oddRe)).CopyTo(imag.Slice(k, 8));
        }

        return k;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }
}
