using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MusicEmotion.Audio.Processing;

/// <summary>
/// A rational conversion <c>L/M</c> with exact phases (e.g. 48 → 22.05 kHz is 147/320), vectorised across output
/// samples: outputs <c>j + k·L</c> (k = 0 … lanes − 1) share phase <c>j·M mod L</c>, hence one row of taps, and their
/// inputs lie exactly <c>M</c> samples apart.
/// </summary>
/// <remarks>
/// <para>
/// A block is <see cref="BlockOutputs"/> = lanes · L consecutive outputs starting at phase 0. Its input is first split
/// into the <c>M</c> phases <c>x[q·M + r]</c>; for output <c>j</c>'s row and tap <c>t</c>, the samples that the lanes
/// need are then consecutive values of one phase, so one vector fused multiply-add serves a vector of outputs.
/// </para>
/// <para>
/// Every output is the chain <c>acc = fma(h[t], x[t], acc)</c> over <c>t = 0 … taps − 1</c> from zero, in a vector lane
/// here or in <see cref="Output"/> for the outputs outside whole blocks, so values do not depend on how the stream is
/// chunked. Owns scratch memory: not thread-safe. No allocation per call.
/// </para>
/// </remarks>
internal sealed class PhaseBlockKernel
{
    /// <summary>The largest M served (the phase split holds about lanes · M samples; 192 → 22.05 kHz has M = 1280).</summary>
    public const int MaxDown = 2048;

    /// <summary>Vectors of lanes per phase: eight independent accumulator chains keep the FMA units busy.</summary>
    private const int Vectors = 8;

    private readonly PolyphaseFilterBank _filter;
    private readonly int _up;
    private readonly int _down;
    private readonly int _lanes;
    private readonly int[] _shift; // input offset of output j from the block's first output: floor(j·M / L)
    private readonly int[] _row; // phase (row) of output j: j·M mod L
    private readonly int _stride;
    private readonly float[] _phases;

    /// <summary>Creates the kernel for an exact bank with <paramref name="up"/> phases.</summary>
    public PhaseBlockKernel(PolyphaseFilterBank filter, int up, int down)
    {
        _filter = filter;
        _up = up;
        _down = down;
        _lanes = Vectors * Vector<float>.Count;
        _shift = new int[up];
        _row = new int[up];
        for (int j = 0; j < up; j++)
        {
            long position = (long)j * down;
            _shift[j] = (int)(position / up);
            _row[j] = (int)(position % up);
        }

        LastInputOffset = ((_lanes - 1) * down) + _shift[up - 1];
        _stride = _lanes + ((down + filter.TapCount) / down) + 2;
        _phases = new float[down * _stride];
    }

    /// <summary>Outputs per block (lanes · L), starting at phase 0.</summary>
    public int BlockOutputs => _lanes * _up;

    /// <summary>Input samples a block advances (lanes · M).</summary>
    public int BlockInputAdvance => _lanes * _down;

    /// <summary>Input index of a block's last output, relative to its first output's.</summary>
    public int LastInputOffset { get; }

    /// <summary>Whether the kernel serves this conversion.</summary>
    public static bool Serves(PolyphaseFilterBank filter, int up, int down) =>
        Vector.IsHardwareAccelerated && filter.IsExact && up > 1 && down <= MaxDown;

    /// <summary>One output: the fused multiply-add chain over the row (what every vector lane computes).</summary>
    public static float Output(ReadOnlySpan<float> window, ReadOnlySpan<float> row)
    {
        float acc = 0f;
        for (int t = 0; t < row.Length; t++)
        {
            acc = MathF.FusedMultiplyAdd(row[t], window[t], acc);
        }

        return acc;
    }

    /// <summary>Computes one block.</summary>
    /// <param name="input">Holds the block's input from <paramref name="windowStart"/> (the first output's first tap) on.</param>
    /// <param name="windowStart">Index of the first output's first tap in <paramref name="input"/>.</param>
    /// <param name="output">Receives <see cref="BlockOutputs"/> samples.</param>
    public void Compute(ReadOnlySpan<float> input, int windowStart, Span<float> output)
    {
        int taps = _filter.TapCount;
        InputPhases.Split(input.Slice(windowStart, LastInputOffset + taps), _down, _phases, _stride);
        Span<float> lanes = stackalloc float[_lanes];
        for (int j = 0; j < _up; j++)
        {
            OnePhase(j, taps, output, lanes);
        }
    }

    /// <summary>Outputs j + k·L, k &lt; lanes: one broadcast tap and eight consecutive vectors of one input phase per tap.</summary>
    private void OnePhase(int j, int taps, Span<float> output, Span<float> lanes)
    {
        int w = Vector<float>.Count;
        ref float x = ref MemoryMarshal.GetArrayDataReference(_phases);
        ref float h = ref MemoryMarshal.GetReference(_filter.Row(_row[j]));
        int r = _shift[j] % _down;
        int q = _shift[j] / _down;
        int stride = _stride;
        Vector<float> a0 = Vector<float>.Zero, a1 = Vector<float>.Zero, a2 = Vector<float>.Zero, a3 = Vector<float>.Zero;
        Vector<float> a4 = Vector<float>.Zero, a5 = Vector<float>.Zero, a6 = Vector<float>.Zero, a7 = Vector<float>.Zero;
        for (int t = 0; t < taps; t++)
        {
            ref float s = ref Unsafe.Add(ref x, (r * stride) + q);
            var tap = new Vector<float>(Unsafe.Add(ref h, t));
            a0 = Vector.FusedMultiplyAdd(tap, Vector.LoadUnsafe(ref s), a0);
            a1 = Vector.FusedMultiplyAdd(tap, Vector.LoadUnsafe(ref s, (nuint)w), a1);
            a2 = Vector.FusedMultiplyAdd(tap, Vector.LoadUnsafe(ref s, (nuint)(2 * w)), a2);
            a3 = Vector.FusedMultiplyAdd(tap, Vector.LoadUnsafe(ref s, (nuint)(3 * w)), a3);
            a4 = Vector.FusedMultiplyAdd(tap, Vector.LoadUnsafe(ref s, (nuint)(4 * w)), a4);
            a5 = Vector.FusedMultiplyAdd(tap, Vector.LoadUnsafe(ref s, (nuint)(5 * w)), a5);
            a6 = Vector.FusedMultiplyAdd(tap, Vector.LoadUnsafe(ref s, (nuint)(6 * w)), a6);
            a7 = Vector.FusedMultiplyAdd(tap, Vector.LoadUnsafe(ref s, (nuint)(7 * w)), a7);
            if (++r == _down)
            {
                r = 0;
                q++;
            }
        }

        a0.CopyTo(lanes);
        a1.CopyTo(lanes[w..]);
        a2.CopyTo(lanes[(2 * w)..]);
        a3.CopyTo(lanes[(3 * w)..]);
        a4.CopyTo(lanes[(4 * w)..]);
        a5.CopyTo(lanes[(5 * w)..]);
        a6.CopyTo(lanes[(6 * w)..]);
        a7.CopyTo(lanes[(7 * w)..]);
        for (int k = 0; k < _lanes; k++)
        {
            output[j + (k * _up)] = lanes[k];
        }
    }
}
