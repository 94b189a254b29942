using System.Numerics.Tensors;

namespace MusicEmotion.Features.Spectral;

/// <summary>
/// Triangular mel filterbank, exactly <c>librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm)</c> (weights
/// computed in double precision, stored as float32): band <c>i</c> rises linearly from <c>f[i]</c> to <c>f[i+1]</c> and
/// falls to <c>f[i+2]</c>, where <c>f</c> are <c>n_mels + 2</c> mel-spaced frequencies; with Slaney normalisation each
/// band is multiplied by <c>2/(f[i+2] - f[i])</c>. Bin <c>k</c> sits at <c>k·sr/n_fft</c> Hz.
/// </summary>
/// <remarks>Stored sparsely (each band's non-zero run); <see cref="Apply(ReadOnlySpan{float}, Span{float})"/> is a SIMD dot product per band and does not allocate. Immutable, thread-safe.</remarks>
public sealed class MelFilterbank
{
    private readonly int[] _firstBin;
    private readonly float[][] _weights;

    /// <summary>Builds the filterbank from settings (SampleRate, FftSize, MelBands, FMin, FMax, MelScale, MelNorm).</summary>
    /// <param name="settings">Validated settings.</param>
    public MelFilterbank(FeatureSettings settings)
        : this(settings.SampleRate, settings.FftSize, settings.MelBands, settings.FMin, settings.FMax, settings.MelScale, settings.MelNorm)
    {
    }

    /// <summary>Builds the filterbank.</summary>
    /// <param name="sampleRate">Sample rate in Hz.</param>
    /// <param name="fftSize">FFT length; the bank covers <c>fftSize/2 + 1</c> bins.</param>
    /// <param name="bands">Number of mel bands (default 128).</param>
    /// <param name="fMin">Lowest edge in Hz (default 0).</param>
    /// <param name="fMax">Highest edge in Hz (default null = <c>sampleRate/2</c>).</param>
    /// <param name="scale">Mel formula (default Slaney).</param>
    /// <param name="norm">Normalisation (default Slaney area normalisation).</param>
    public MelFilterbank(int sampleRate, int fftSize, int bands = 128, double fMin = 0, double? fMax = null, MelScaleKind scale = MelScaleKind.Slaney, MelNorm norm = MelNorm.Slaney)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(fftSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        double top = fMax ?? sampleRate / 2.0;
        if (!(fMin >= 0) || !(top > fMin))
        {
            throw new ArgumentException($"Mel filterbank needs 0 ≤ fMin < fMax (got fMin={fMin}, fMax={top}).");
        }

        Bands = bands;
        BinCount = (fftSize / 2) + 1;
        double[] edges = MelScale.MelFrequencies(bands + 2, fMin, top, scale);
        _firstBin = new int[bands];
        _weights = new float[bands][];
        var dense = new double[BinCount];
        for (int i = 0; i < bands; i++)
        {
            double lowerWidth = edges[i + 1] - edges[i];
            double upperWidth = edges[i + 2] - edges[i + 1];
            double scaleFactor = norm == MelNorm.Slaney ? 2.0 / (edges[i + 2] - edges[i]) : 1.0;
            int first = -1, last = -1;
            for (int k = 0; k < BinCount; k++)
            {
                // numpy.linspace(0, sr/2, 1 + n_fft//2)
                double f = k == BinCount - 1 ? sampleRate / 2.0 : k * ((sampleRate / 2.0) / (BinCount - 1));
                double lower = (f - edges[i]) / lowerWidth;
                double upper = (edges[i + 2] - f) / upperWidth;
                double w = Math.Max(0.0, Math.Min(lower, upper)) * scaleFactor;
                dense[k] = w;
                if ((float)w != 0f)
                {
                    if (first < 0)
                    {
                        first = k;
                    }

                    last = k;
                }
            }

            if (first < 0)
            {
                _firstBin[i] = 0;
                _weights[i] = [];
                continue;
            }

            _firstBin[i] = first;
            _weights[i] = new float[last - first + 1];
            for (int k = first; k <= last; k++)
            {
                _weights[i][k - first] = (float)dense[k];
            }
        }
    }

    /// <summary>Number of mel bands.</summary>
    public int Bands { get; }

    /// <summary>Number of spectrum bins expected, <c>n_fft/2 + 1</c>.</summary>
    public int BinCount { get; }

    /// <summary>The non-zero weights of <paramref name="band"/>, starting at bin <paramref name="firstBin"/>.</summary>
    /// <param name="band">Band index.</param>
    /// <param name="firstBin">Bin of the first returned weight.</param>
    /// <returns>The band's non-zero run (empty for a band that covers no bin).</returns>
    public ReadOnlySpan<float> BandWeights(int band, out int firstBin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(band);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(band, Bands);
        firstBin = _firstBin[band];
        return _weights[band];
    }

    /// <summary>Dense weights, bands × bins row-major (same layout as librosa's <c>(n_mels, 1 + n_fft/2)</c> matrix).</summary>
    /// <returns>A new array of <c>Bands·BinCount</c> values.</returns>
    public float[] ToDense()
    {
        var dense = new float[Bands * BinCount];
        for (int i = 0; i < Bands; i++)
        {
            _weights[i].CopyTo(dense.AsSpan((i * BinCount) + _firstBin[i]));
        }

        return dense;
    }

    /// <summary>Applies the bank to one spectrum: <c>mel[i] = Σ_k W[i,k]·spectrum[k]</c>.</summary>
    /// <param name="spectrum"><see cref="BinCount"/> power (or magnitude) values.</param>
    /// <param name="mel">Receives <see cref="Bands"/> values.</param>
    public void Apply(ReadOnlySpan<float> spectrum, Span<float> mel)
    {
        if (spectrum.Length != BinCount)
        {
            throw new ArgumentException($"Spectrum length {spectrum.Length} must equal {BinCount} bins.", nameof(spectrum));
        }

        if (mel.Length < Bands)
        {
            throw new ArgumentException($"Mel output needs {Bands} elements (got {mel.Length}).", nameof(mel));
        }

        for (int i = 0; i < _weights.Length; i++)
        {
            float[] w = _weights[i];
            mel[i] = w.Length == 0 ? 0f : TensorPrimitives.Dot(spectrum.Slice(_firstBin[i], w.Length), w);
        }
    }
}
