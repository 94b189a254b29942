namespace MusicEmotion.Features.Rhythm;

/// <summary>
/// Track-level tempo (BPM) from an onset-strength envelope, in the spirit of <c>librosa.beat.tempo</c>, computed
/// incrementally so that hour-long streams use constant memory.
/// </summary>
/// <remarks>
/// <para>Algorithm: the envelope is first smoothed with a 7-tap Gaussian (σ = 1 frame, a pure 3-frame delay for the
/// autocorrelation) so that a beat period falling between two integer lags is not penalised; then the mean-removed
/// smoothed envelope's autocorrelation <c>ρ(L) = c(L)/c(0)</c>, where <c>c(L)</c> is the unbiased
/// autocovariance <c>Σ_t (e_t - μ)(e_{t-L} - μ) / (N - L)</c>, is evaluated for every lag <c>L</c> (frames) between
/// <c>60·fps/TempoMaxBpm</c> and <c>60·fps/TempoMinBpm</c> (defaults 300 and 30 BPM). Each lag is scored
/// <c>max(ρ, 0)·prior(bpm)</c> with librosa's log-normal prior
/// <c>prior = exp(-½·((log2 bpm - log2 TempoPriorBpm) / TempoPriorOctaves)²)</c> (defaults 120 BPM, 1 octave). The best
/// lag is refined by parabolic interpolation through its neighbours' scores, and <c>BPM = 60·fps / lag</c>.</para>
/// <para>Returns 0 when the envelope is too short (fewer than two slowest periods) or constant. Not thread-safe.</para>
/// </remarks>
public sealed class TempoEstimator
{
    private readonly double _frameRate;
    private readonly FeatureSettings _settings;
    private readonly int _minLag;
    private readonly int _maxLag;
    private readonly int _lowLag;
    private readonly int _highLag;
    private readonly double[] _products;
    private readonly double[] _history;
    private readonly double[] _firstValues;
    private readonly double[] _scores;
    private const int SmoothingTaps = 7;
    private static readonly double[] SmoothingKernel = CreateSmoothingKernel();
    private readonly double[] _raw = new double[SmoothingTaps];
    private long _rawCount;
    private long _count;
    private double _sum;
    private double _sumOfSquares;

    /// <summary>Creates an estimator for an envelope sampled at <paramref name="frameRate"/> frames per second.</summary>
    /// <param name="frameRate">Envelope rate, e.g. <c>SampleRate / HopLength</c> (≈ 43.07 for the defaults).</param>
    /// <param name="settings">Tempo range and prior (TempoMinBpm, TempoMaxBpm, TempoPriorBpm, TempoPriorOctaves); null = defaults.</param>
    public TempoEstimator(double frameRate, FeatureSettings? settings = null)
    {
        if (!(frameRate > 0) || !double.IsFinite(frameRate))
        {
            throw new ArgumentOutOfRangeException(nameof(frameRate), frameRate, "Frame rate must be positive and finite.");
        }

        _settings = settings ?? new FeatureSettings();
        _settings.Validate();
        _frameRate = frameRate;
        _minLag = Math.Max(1, (int)Math.Floor(60.0 * frameRate / _settings.TempoMaxBpm));
        _maxLag = Math.Max(_minLag + 1, (int)Math.Ceiling(60.0 * frameRate / _settings.TempoMinBpm));
        _lowLag = Math.Max(1, _minLag - 1);
        _highLag = _maxLag + 1;
        _products = new double[_highLag + 1];
        _history = new double[_highLag + 1];
        _firstValues = new double[_highLag + 1];
        _scores = new double[_highLag + 2];
    }

    /// <summary>Number of envelope values consumed.</summary>
    public long Count => _rawCount;

    /// <summary>Consumes the next envelope value.</summary>
    /// <param name="onset">Onset strength of the next frame.</param>
    public void Add(float onset)
    {
        _raw[_rawCount % SmoothingTaps] = onset;
        _rawCount++;
        if (_rawCount < SmoothingTaps)
        {
            return;
        }

        double smoothed = 0;
        for (int i = 0; i < SmoothingTaps; i++)
        {
            smoothed += SmoothingKernel[i] * _raw[(_rawCount - SmoothingTaps + i) % SmoothingTaps];
        }

        AddSmoothed(smoothed);
    }

    private void AddSmoothed(double x)
    {
        int ringLength = _history.Length;
        long limit = Math.Min(_count, _highLag);
        for (int lag = _lowLag; lag <= limit; lag++)
        {
            long index = (_count - lag) % ringLength;
            _products[lag] += x * _history[index];
        }

        _history[_count % ringLength] = x;
        if (_count < _firstValues.Length)
        {
            _firstValues[_count] = x;
        }

        _sum += x;
        _sumOfSquares += x * x;
        _count++;
    }

    /// <summary>Consumes several envelope values.</summary>
    /// <param name="onsets">Next envelope values.</param>
    public void Add(ReadOnlySpan<float> onsets)
    {
        foreach (float v in onsets)
        {
            Add(v);
        }
    }

    /// <summary>Forgets everything consumed.</summary>
    public void Reset()
    {
        Array.Clear(_products);
        Array.Clear(_history);
        Array.Clear(_firstValues);
        Array.Clear(_raw);
        _rawCount = 0;
        _count = 0;
        _sum = 0;
        _sumOfSquares = 0;
    }

    /// <summary>Estimates the tempo from everything consumed so far.</summary>
    /// <returns>Tempo in BPM, or 0 when it cannot be estimated.</returns>
    public double Estimate()
    {
        long n = _count;
        if (n <= 2L * _highLag)
        {
            return 0;
        }

        double mean = _sum / n;
        double variance = (_sumOfSquares / n) - (mean * mean);
        if (!(variance > 1e-20))
        {
            return 0;
        }

        int ringLength = _history.Length;
        double prefix = 0;
        double suffix = 0;
        int best = -1;
        for (int lag = 1; lag <= _highLag; lag++)
        {
            prefix += _firstValues[lag - 1];
            suffix += _history[(n - lag) % ringLength];
            if (lag < _lowLag)
            {
                continue;
            }

            long m = n - lag;
            double laggedSum = _sum - prefix;
            double leadingSum = _sum - suffix;
            double covariance = (_products[lag] - (mean * (laggedSum + leadingSum)) + (m * mean * mean)) / m;
            double rho = Math.Max(0.0, covariance / variance);
            double bpm = 60.0 * _frameRate / lag;
            double z = (Math.Log2(bpm) - Math.Log2(_settings.TempoPriorBpm)) / _settings.TempoPriorOctaves;
            _scores[lag] = rho * Math.Exp(-0.5 * z * z);
            if (lag >= _minLag && lag <= _maxLag && (best < 0 || _scores[lag] > _scores[best]))
            {
                best = lag;
            }
        }

        if (best < 0 || !(_scores[best] > 0))
        {
            return 0;
        }

        double refined = best;
        if (best - 1 >= _lowLag)
        {
            double left = _scores[best - 1], centre = _scores[best], right = _scores[best + 1];
            double curvature = left - (2 * centre) + right;
            if (curvature < 0)
            {
                refined += Math.Clamp(0.5 * (left - right) / curvature, -0.5, 0.5);
            }
        }

        return 60.0 * _frameRate / refined;
    }

    private static double[] CreateSmoothingKernel()
    {
        var kernel = new double[SmoothingTaps];
        for (int i = 0; i < SmoothingTaps; i++)
        {
            double d = i - (SmoothingTaps / 2);
            kernel[i] = Math.Exp(-0.5 * d * d);
        }

        double sum = kernel.Sum();
        return kernel.Select(k => k / sum).ToArray();
    }

    /// <summary>Estimates the tempo of a whole onset envelope (same result as streaming it through <see cref="Add(float)"/>).</summary>
    /// <param name="onsetEnvelope">Onset strength per frame.</param>
    /// <param name="frameRate">Envelope rate in frames per second.</param>
    /// <param name="settings">Tempo range and prior; null = defaults.</param>
    /// <returns>Tempo in BPM, or 0 when it cannot be estimated.</returns>
    public static double Estimate(ReadOnlySpan<float> onsetEnvelope, double frameRate, FeatureSettings? settings = null)
    {
        var estimator = new TempoEstimator(frameRate, settings);
        estimator.Add(onsetEnvelope);
        return estimator.Estimate();
    }
}
