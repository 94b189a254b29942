namespace MusicEmotion.Audio.Processing;

/// <summary>
/// The coefficient table of a Kaiser-windowed-sinc low-pass filter split into phases, as used by
/// <see cref="PolyphaseResampler"/>. Immutable once built.
/// </summary>
/// <remarks>
/// The continuous kernel, in units of input samples, is
/// <c>h(t) = 2·fc·sinc(2·fc·t)·kaiser(t / halfWidth)</c> with <c>fc</c> the cutoff in cycles per input sample.
/// Row <c>p</c> holds the taps for a fractional output position <c>frac = p / PhaseCount</c> between input samples
/// <c>i</c> and <c>i + 1</c>: tap <c>m</c> multiplies input <c>x[i − halfWidth + 1 + m]</c> and equals
/// <c>h(frac + halfWidth − 1 − m)</c>. Each row is normalised to sum to exactly 1 (unity DC gain at every phase).
/// </remarks>
internal sealed class PolyphaseFilterBank
{
    /// <summary>Largest coefficient count an exact (one row per distinct phase) table may hold: 4 Mi floats = 16 MiB.</summary>
    private const long MaxExactCoefficients = 4L << 20;

    /// <summary>Largest distinct-phase count for an exact table.</summary>
    internal const int MaxExactPhases = 1024;

    /// <summary>Phase oversampling of the interpolated table when the sample rates are equal-ish (scaled down for decimation).</summary>
    private const int InterpolatedPhases = 512;

    private readonly float[] _coefficients;

    private PolyphaseFilterBank(float[] coefficients) => _coefficients = coefficients;

    /// <summary>Taps per row (<c>2·HalfWidth</c>), a multiple of 16 so the SIMD loop has no scalar tail.</summary>
    public int TapCount { get; private init; }

    /// <summary>Half the kernel support, in input samples (the look-ahead the resampler needs).</summary>
    public int HalfWidth { get; private init; }

    /// <summary>
    /// Number of phases the table is indexed by: the reduced up-factor L when <see cref="IsExact"/>, otherwise the
    /// oversampling factor (the table then has <c>PhaseCount + 1</c> rows to interpolate between).
    /// </summary>
    public int PhaseCount { get; private init; }

    /// <summary>True when every output phase has its own precomputed row (no interpolation).</summary>
    public bool IsExact { get; private init; }

    /// <summary>The −6 dB cutoff in cycles per input sample.</summary>
    public double CutoffCyclesPerInputSample { get; private init; }

    /// <summary>The taps of one row.</summary>
    public ReadOnlySpan<float> Row(int phase) => _coefficients.AsSpan(phase * TapCount, TapCount);

    /// <summary>Designs the table for up-factor <paramref name="up"/> and down-factor <paramref name="down"/> (already reduced).</summary>
    public static PolyphaseFilterBank Design(int up, int down, ResamplerQuality quality)
    {
        var (attenuationDb, cutoffFraction, transitionFraction) = quality switch
        {
            ResamplerQuality.Fast => (60.0, 0.90, 0.20),
            ResamplerQuality.Balanced => (80.0, 0.94, 0.12),
            ResamplerQuality.High => (100.0, 0.96, 0.08),
            _ => throw new ArgumentOutOfRangeException(nameof(quality), quality, "Unknown resampler quality."),
        };

        // Everything in cycles per input sample. The lower Nyquist is 0.5 * min(1, up/down).
        double lowerNyquist = 0.5 * Math.Min(1.0, (double)up / down);
        double cutoff = cutoffFraction * lowerNyquist;
        double transition = transitionFraction * lowerNyquist;

        // Kaiser's estimates: filter length and window shape for the required stopband attenuation.
        double length = (attenuationDb - 7.95) / (14.36 * transition);
        double beta = attenuationDb > 50 ? 0.1102 * (attenuationDb - 8.7) : 0.5842 * Math.Pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21);
        int halfWidth = (int)Math.Ceiling(length / 2);
        halfWidth = (halfWidth + 7) / 8 * 8; // TapCount = 2 * halfWidth is then a multiple of 16.
        int taps = 2 * halfWidth;

        bool exact = up <= MaxExactPhases && (long)up * taps <= MaxExactCoefficients;
        int phases;
        int rows;
        if (exact)
        {
            phases = up;
            rows = up;
        }
        else
        {
            // Linear interpolation between rows errs by about (pi * 2fc / P)^2 / 8 of the peak: with 2fc <= 1 and
            // P = 512 that is below -100 dB. When decimating the kernel is smoother by down/up, so fewer rows do.
            phases = (int)Math.Clamp(Math.Ceiling(InterpolatedPhases * Math.Min(1.0, (double)up / down)), 16, InterpolatedPhases);
            rows = phases + 1;
        }

        var coefficients = new float[(long)rows * taps];
        var row = new double[taps];
        double i0Beta = BesselI0(beta);
        for (int p = 0; p < rows; p++)
        {
            double frac = (double)p / phases;
            double sum = 0;
            for (int m = 0; m < taps; m++)
            {
                double t = frac + halfWidth - 1 - m;
                double value = Kernel(t, cutoff, halfWidth, beta, i0Beta);
                row[m] = value;
                sum += value;
            }

            var destination = coefficients.AsSpan(p * taps, taps);
            for (int m = 0; m < taps; m++)
            {
                destination[m] = (float)(row[m] / sum);
            }
        }

        return new PolyphaseFilterBank(coefficients)
        {
            TapCount = taps,
            HalfWidth = halfWidth,
            PhaseCount = phases,
            IsExact = exact,
            CutoffCyclesPerInputSample = cutoff,
        };
    }

    private static double Kernel(double t, double cutoff, int halfWidth, double beta, double i0Beta)
    {
        double r = t / halfWidth;
        if (r <= -1 || r >= 1)
        {
            return 0;
        }

        double x = 2 * cutoff * t;
        double sinc = Math.Abs(x) < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
        double window = BesselI0(beta * Math.Sqrt(1 - (r * r))) / i0Beta;
        return 2 * cutoff * sinc * window;
    }

    /// <summary>Zeroth-order modified Bessel function of the first kind, by its power series.</summary>
    private static double BesselI0(double x)
    {
        double sum = 1;
        double term = 1;
        double halfX = x / 2;
        for (int k = 1; k < 200; k++)
        {
            term *= halfX / k;
            double squared = term * term;
            sum += squared;
            if (squared < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
