namespace MusicEmotion.Features.Descriptors;

/// <summary>
/// 12-bin chroma from a power spectrum: every STFT bin with centre frequency <c>f</c> in
/// [<see cref="FeatureSettings.ChromaFMin"/>, min(<see cref="FeatureSettings.ChromaFMax"/>, sr/2)] adds its power to
/// pitch class <c>round(69 + 12·log2(f / tuning)) mod 12</c> (C = 0, C♯ = 1, …, A = 9, B = 11; tuning 440 Hz); the
/// 12 sums are then divided by their maximum (librosa's <c>norm=np.inf</c>), so an all-zero frame stays zero.
/// </summary>
/// <remarks>Immutable, thread-safe, no allocation.</remarks>
internal sealed class ChromaFilterbank
{
    /// <summary>Number of pitch classes.</summary>
    public const int PitchClasses = 12;

    private readonly int _firstBin;
    private readonly byte[] _pitchClass;

    /// <summary>Builds the bin → pitch-class map.</summary>
    /// <param name="settings">Settings (SampleRate, FftSize, ChromaFMin, ChromaFMax, TuningFrequency).</param>
    public ChromaFilterbank(FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        BinCount = settings.FrequencyBins;
        double binHz = (double)settings.SampleRate / settings.FftSize;
        double top = Math.Min(settings.ChromaFMax, settings.SampleRate / 2.0);
        int first = (int)Math.Ceiling(settings.ChromaFMin / binHz);
        int last = Math.Min(BinCount - 1, (int)Math.Floor(top / binHz));
        _firstBin = Math.Max(first, 1);
        int count = Math.Max(0, last - _firstBin + 1);
        _pitchClass = new byte[count];
        for (int i = 0; i < count; i++)
        {
            double f = (_firstBin + i) * binHz;
            long midi = (long)Math.Round(69.0 + (12.0 * Math.Log2(f / settings.TuningFrequency)), MidpointRounding.AwayFromZero);
            _pitchClass[i] = (byte)(((midi % 12) + 12) % 12);
        }
    }

    /// <summary>Spectrum length expected.</summary>
    public int BinCount { get; }

    /// <summary>Pitch-class names in column order: c, cs, d, ds, e, f, fs, g, gs, a, as, b.</summary>
    public static IReadOnlyList<string> PitchClassNames { get; } = ["c", "cs", "d", "ds", "e", "f", "fs", "g", "gs", "a", "as", "b"];

    /// <summary>Computes the max-normalised chroma vector.</summary>
    /// <param name="power">Power spectrum of <see cref="BinCount"/> bins.</param>
    /// <param name="chroma">Receives 12 values in [0, 1].</param>
    public void Apply(ReadOnlySpan<float> power, Span<float> chroma)
    {
        if (power.Length != BinCount)
        {
            throw new ArgumentException($"Spectrum length {power.Length} must equal {BinCount} bins.", nameof(power));
        }

        if (chroma.Length < PitchClasses)
        {
            throw new ArgumentException($"Chroma output needs {PitchClasses} elements.", nameof(chroma));
        }

        Span<float> sums = chroma[..PitchClasses];
        sums.Clear();
        ReadOnlySpan<float> bins = power.Slice(_firstBin, _pitchClass.Length);
        for (int i = 0; i < bins.Length; i++)
        {
            sums[_pitchClass[i]] += bins[i];
        }

        float max = 0f;
        foreach (float s in sums)
        {
            max = MathF.Max(max, s);
        }

        if (max > 0f)
        {
            for (int i = 0; i < PitchClasses; i++)
            {
                sums[i] /= max;
            }
        }
    }
}
