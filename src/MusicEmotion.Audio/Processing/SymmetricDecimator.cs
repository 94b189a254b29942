using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MusicEmotion.Audio.Processing;

/// <summary>
/// Integer decimation by <c>M</c> with a symmetric FIR row, vectorised across output samples: output <c>i</c> is
/// <c>Σ_{j=0..n−1} g[j]·(x[c + i·M + j] + x[c + i·M − j])</c>, where <c>g[0]</c> is half the centre tap.
/// </summary>
/// <remarks>
/// <para>
/// A block of outputs reads the input at stride <c>M</c>, so the block's input is first split into its <c>M</c>
/// phases (<c>x[k·M + r]</c> for each <c>r</c>); for a fixed tap <c>j</c> the samples that eight consecutive outputs
/// need are then eight consecutive values of one phase, and one vector fused multiply-add serves eight outputs with
/// no shuffle and no horizontal sum.
/// </para>
/// <para>
/// Every output is the same chain of fused multiply-adds over <c>j = 0 … n−1</c> whether it is computed in a vector
/// lane or in the scalar tail (<see cref="MathF.FusedMultiplyAdd"/> rounds exactly like the vector form), so a value
/// does not depend on how many outputs a call computes: the resampler stays bit-identical whatever the chunking.
/// Owns scratch memory: not thread-safe. No allocation per call.
/// </para>
/// </remarks>
internal sealed class SymmetricDecimator
{
    private const int BlockOutputs = 512;

    private readonly float[] _taps;
    private readonly int _factor;
    private readonly int _stride;
    private readonly int[] _after;
    private readonly int[] _before;
    private readonly float[] _phases;

    /// <summary>Creates the decimator.</summary>
    /// <param name="foldedTaps"><c>g[0..n)</c>: half the centre tap, then the taps after the centre.</param>
    /// <param name="factor">Decimation factor <c>M ≥ 1</c>.</param>
    public SymmetricDecimator(float[] foldedTaps, int factor)
    {
        ArgumentNullException.ThrowIfNull(foldedTaps);
        ArgumentOutOfRangeException.ThrowIfLessThan(foldedTaps.Length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        _taps = foldedTaps;
        _factor = factor;
        int n = foldedTaps.Length;

        // A block of B outputs reads (B − 1)·M + 2n − 1 samples from c − (n − 1); each phase holds at most
        // B + ⌈(2n − 1) / M⌉ of them.
        _stride = BlockOutputs + ((2 * n) + factor - 2) / factor + 1;
        _phases = new float[factor * _stride];
        _after = new int[n];
        _before = new int[n];
        for (int j = 0; j < n; j++)
        {
            int after = n - 1 + j;
            int before = n - 1 - j;
            _after[j] = (after % factor * _stride) + (after / factor);
            _before[j] = (before % factor * _stride) + (before / factor);
        }
    }

    /// <summary>Folded taps per output (<c>n</c>): input samples reach <c>n − 1</c> either side of an output's centre.</summary>
    public int HalfWidth => _taps.Length;

    /// <summary>Computes <paramref name="output"/>'s length of decimated samples.</summary>
    /// <param name="input">The input; must hold indices <c>centre − (n − 1)</c> to <c>centre + (count − 1)·M + n − 1</c>.</param>
    /// <param name="centre">Index in <paramref name="input"/> of the first output's own input sample.</param>
    /// <param name="output">Receives the outputs.</param>
    public void Decimate(ReadOnlySpan<float> input, int centre, Span<float> output)
    {
        int n = _taps.Length;
        for (int done = 0; done < output.Length; done += BlockOutputs)
        {
            int count = Math.Min(BlockOutputs, output.Length - done);
            int first = centre + (done * _factor) - (n - 1);
            int length = ((count - 1) * _factor) + (2 * n) - 1;
            InputPhases.Split(input.Slice(first, length), _factor, _phases, _stride);
            Block(output.Slice(done, count));
        }
    }

    private void Block(Span<float> output)
    {
        int n = _taps.Length;
        ref float g = ref MemoryMarshal.GetArrayDataReference(_taps);
        ref float x = ref MemoryMarshal.GetArrayDataReference(_phases);
        ref int after = ref MemoryMarshal.GetArrayDataReference(_after);
        ref int before = ref MemoryMarshal.GetArrayDataReference(_before);
        int width = Vector<float>.Count;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + (4 * width) <= output.Length; i += 4 * width)
            {
                Vector<float> acc0 = Vector<float>.Zero, acc1 = Vector<float>.Zero, acc2 = Vector<float>.Zero, acc3 = Vector<float>.Zero;
                for (int j = 0; j < n; j++)
                {
                    var tap = new Vector<float>(Unsafe.Add(ref g, j));
                    ref float a = ref Unsafe.Add(ref x, Unsafe.Add(ref after, j) + i);
                    ref float b = ref Unsafe.Add(ref x, Unsafe.Add(ref before, j) + i);
                    acc0 = Vector.FusedMultiplyAdd(tap, Load(ref a, 0) + Load(ref b, 0), acc0);
                    acc1 = Vector.FusedMultiplyAdd(tap, Load(ref a, width) + Load(ref b, width), acc1);
                    acc2 = Vector.FusedMultiplyAdd(tap, Load(ref a, 2 * width) + Load(ref b, 2 * width), acc2);
                    acc3 = Vector.FusedMultiplyAdd(tap, Load(ref a, 3 * width) + Load(ref b, 3 * width), acc3);
                }

                acc0.CopyTo(output[i..]);
                acc1.CopyTo(output[(i + width)..]);
                acc2.CopyTo(output[(i + (2 * width))..]);
                acc3.CopyTo(output[(i + (3 * width))..]);
            }

            for (; i + width <= output.Length; i += width)
            {
                Vector<float> acc = Vector<float>.Zero;
                for (int j = 0; j < n; j++)
                {
                    ref float a = ref Unsafe.Add(ref x, Unsafe.Add(ref after, j) + i);
                    ref float b = ref Unsafe.Add(ref x, Unsafe.Add(ref before, j) + i);
                    acc = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref g, j)), Load(ref a, 0) + Load(ref b, 0), acc);
                }

                acc.CopyTo(output[i..]);
            }
        }

        for (; i < output.Length; i++)
        {
            float acc = 0f;
            for (int j = 0; j < n; j++)
            {
                float sum = Unsafe.Add(ref x, Unsafe.Add(ref after, j) + i) + Unsafe.Add(ref x, Unsafe.Add(ref before, j) + i);
                acc = MathF.FusedMultiplyAdd(Unsafe.Add(ref g, j), sum, acc);
            }

            output[i] = acc;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ref float source, int offset) => Vector.LoadUnsafe(ref source, (nuint)offset);
}
