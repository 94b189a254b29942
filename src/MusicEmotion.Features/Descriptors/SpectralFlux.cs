using System.Numerics.Tensors;

namespace MusicEmotion.Features.Descriptors;

/// <summary>
/// Spectral flux: <c>flux_t = √(Σ_k max(0, S_t[k] - S_{t-1}[k])²)</c>, the L2 norm of the positive magnitude change
/// since the previous frame (0 for the first frame).
/// </summary>
/// <remarks>Keeps the previous frame: stateful, not thread-safe, no allocation per frame.</remarks>
internal sealed class SpectralFlux
{
    private readonly float[] _previous;
    private readonly float[] _difference;
    private bool _hasPrevious;

    /// <summary>Creates the calculator.</summary>
    /// <param name="bins">Spectrum length.</param>
    public SpectralFlux(int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        _previous = new float[bins];
        _difference = new float[bins];
    }

    /// <summary>Returns the flux of <paramref name="magnitude"/> against the previous frame and remembers it.</summary>
    /// <param name="magnitude">Magnitude spectrum of the current frame.</param>
    /// <returns>The flux (0 for the first frame).</returns>
    public float Next(ReadOnlySpan<float> magnitude)
    {
        if (magnitude.Length != _previous.Length)
        {
            throw new ArgumentException($"Spectrum length {magnitude.Length} must equal {_previous.Length}.", nameof(magnitude));
        }

        float flux = 0f;
        if (_hasPrevious)
        {
            TensorPrimitives.Subtract(magnitude, _previous, _difference);
            TensorPrimitives.Max(_difference, 0f, _difference);
            flux = MathF.Sqrt(TensorPrimitives.SumOfSquares<float>(_difference));
        }

        magnitude.CopyTo(_previous);
        _hasPrevious = true;
        return flux;
    }

    /// <summary>Forgets the previous frame.</summary>
    public void Reset() => _hasPrevious = false;
}
