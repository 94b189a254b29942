using System.Numerics.Tensors;

namespace MusicEmotion.Features.Cepstral;

/// <summary>
/// Orthonormal DCT-II keeping the first <see cref="OutputCount"/> coefficients, as
/// <c>scipy.fft.dct(x, type=2, norm='ortho')[:count]</c>:
/// <c>y[k] = s_k · Σ_n x[n]·cos(πk(2n+1)/(2N))</c> with <c>s_0 = √(1/N)</c>, <c>s_k = √(2/N)</c>.
/// </summary>
/// <remarks>Precomputed basis, one SIMD dot product per coefficient; immutable and thread-safe; no allocation.</remarks>
internal sealed class Dct
{
    private readonly float[] _basis;

    /// <summary>Precomputes the basis.</summary>
    /// <param name="inputLength">Input length <c>N</c> (≥ 1).</param>
    /// <param name="outputCount">Coefficients kept, 1..N.</param>
    public Dct(int inputLength, int outputCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputCount, inputLength);
        InputLength = inputLength;
        OutputCount = outputCount;
        _basis = new float[inputLength * outputCount];
        for (int k = 0; k < outputCount; k++)
        {
            double scale = Math.Sqrt((k == 0 ? 1.0 : 2.0) / inputLength);
            for (int n = 0; n < inputLength; n++)
            {
                _basis[(k * inputLength) + n] = (float)(scale * Math.Cos(Math.PI * k * ((2 * n) + 1) / (2.0 * inputLength)));
            }
        }
    }

    /// <summary>Input length <c>N</c>.</summary>
    public int InputLength { get; }

    /// <summary>Number of coefficients produced.</summary>
    public int OutputCount { get; }

    /// <summary>Computes the first <see cref="OutputCount"/> DCT-II coefficients.</summary>
    /// <param name="input"><see cref="InputLength"/> values.</param>
    /// <param name="output">Receives <see cref="OutputCount"/> values.</param>
    public void Transform(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.Length != InputLength)
        {
            throw new ArgumentException($"Input length {input.Length} must equal {InputLength}.", nameof(input));
        }

        if (output.Length < OutputCount)
        {
            throw new ArgumentException($"Output needs {OutputCount} elements (got {output.Length}).", nameof(output));
        }

        for (int k = 0; k < OutputCount; k++)
        {
            output[k] = TensorPrimitives.Dot(input, _basis.AsSpan(k * InputLength, InputLength));
        }
    }
}
