using System.Numerics.Tensors;
using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Descriptors;

/// <summary>
/// Per-frame spectral shape descriptors (librosa conventions; <c>f_k = k·sr/n_fft</c>, <c>S</c> the magnitude spectrum,
/// <c>P = S²</c> the power spectrum):
/// centroid <c>Σ f_k S_k / Σ S_k</c>; bandwidth (p = 2) <c>√(Σ S_k (f_k - centroid)² / Σ S_k)</c>; roll-off: the lowest
/// <c>f_k</c> whose cumulative magnitude reaches <c>percent·Σ S</c>; flatness <c>exp(mean ln P') / mean P'</c> with
/// <c>P' = max(amin, P)</c>. A silent frame gives centroid, bandwidth and roll-off 0 and flatness 1.
/// </summary>
/// <remarks>Owns a scratch buffer: not thread-safe. No method allocates.</remarks>
internal sealed class SpectralShape
{
    private readonly float[] _frequencies;
    private readonly float[] _scratch;

    /// <summary>Creates the calculator for spectra of <c>fftSize/2 + 1</c> bins.</summary>
    /// <param name="sampleRate">Sample rate in Hz.</param>
    /// <param name="fftSize">FFT length.</param>
    public SpectralShape(int sampleRate, int fftSize)
    {
        _frequencies = Stft.BinFrequencies(sampleRate, fftSize);
        _scratch = new float[_frequencies.Length];
    }

    /// <summary>Bin centre frequencies in Hz.</summary>
    public ReadOnlySpan<float> Frequencies => _frequencies;

    /// <summary>Spectral centroid in Hz: <c>Σ f_k S_k / Σ S_k</c> (0 for a silent frame).</summary>
    /// <param name="magnitude">Magnitude spectrum.</param>
    /// <returns>The centroid in Hz.</returns>
    public float Centroid(ReadOnlySpan<float> magnitude)
    {
        CheckLength(magnitude);
        float total = TensorPrimitives.Sum(magnitude);
        return total > 0 ? TensorPrimitives.Dot(magnitude, _frequencies) / total : 0f;
    }

    /// <summary>Spectral bandwidth (p = 2) in Hz: <c>√(Σ S_k (f_k - c)² / Σ S_k)</c> (0 for a silent frame).</summary>
    /// <param name="magnitude">Magnitude spectrum.</param>
    /// <param name="centroid">The frame's centroid from <see cref="Centroid"/>.</param>
    /// <returns>The bandwidth in Hz.</returns>
    public float Bandwidth(ReadOnlySpan<float> magnitude, float centroid)
    {
        CheckLength(magnitude);
        float total = TensorPrimitives.Sum(magnitude);
        if (!(total > 0))
        {
            return 0f;
        }

        TensorPrimitives.Subtract(_frequencies, centroid, _scratch);
        TensorPrimitives.Multiply(_scratch, _scratch, _scratch);
        return MathF.Sqrt(TensorPrimitives.Dot(_scratch, magnitude) / total);
    }

    /// <summary>Roll-off frequency: the lowest <c>f_k</c> with <c>Σ_{j≤k} S_j ≥ percent · Σ S</c> (librosa <c>spectral_rolloff</c>).</summary>
    /// <param name="magnitude">Magnitude spectrum.</param>
    /// <param name="percent">Fraction in (0, 1), e.g. 0.85.</param>
    /// <returns>The roll-off frequency in Hz.</returns>
    public float RollOff(ReadOnlySpan<float> magnitude, double percent)
    {
        CheckLength(magnitude);
        float threshold = (float)percent * TensorPrimitives.Sum(magnitude);
        float cumulative = 0f;
        for (int k = 0; k < magnitude.Length; k++)
        {
            cumulative += magnitude[k];
            if (cumulative >= threshold)
            {
                return _frequencies[k];
            }
        }

        return _frequencies[^1];
    }

    /// <summary>Spectral flatness: geometric over arithmetic mean of <c>max(amin, P)</c> (librosa <c>spectral_flatness</c>, power 2).</summary>
    /// <param name="power">Power spectrum.</param>
    /// <param name="amin">Floor, default 1e-10.</param>
    /// <returns>Flatness in (0, 1]: ≈ 1 for white noise, ≈ 0 for a pure tone.</returns>
    public float Flatness(ReadOnlySpan<float> power, double amin = 1e-10)
    {
        CheckLength(power);
        TensorPrimitives.Max(power, (float)amin, _scratch);
        double arithmetic = TensorPrimitives.Sum<float>(_scratch) / (double)_scratch.Length;
        TensorPrimitives.Log(_scratch, _scratch);
        double geometric = Math.Exp(TensorPrimitives.Sum<float>(_scratch) / (double)_scratch.Length);
        return (float)(geometric / arithmetic);
    }

    private void CheckLength(ReadOnlySpan<float> spectrum)
    {
        if (spectrum.Length != _frequencies.Length)
        {
            throw new ArgumentException($"Spectrum length {spectrum.Length} must equal {_frequencies.Length} bins.", nameof(spectrum));
        }
    }
}
