namespace MusicEmotion.Inference.Prediction;

/// <summary>
/// How the analysis decides, second by second, whether there is music to read. Seconds that are silent or hold only a
/// steady signal (a constant tone, hum, steady noise) carry no mood: statistics, quadrant shares, peaks, vectors and
/// descriptions use the music seconds only. The defaults were chosen on real recordings and generated signals
/// (docs/model.md, "No mood where there is no music"); every threshold is a documented measurement, not a model.
/// </summary>
internal sealed record MusicDetectionOptions
{
    /// <summary>The defaults.</summary>
    public static MusicDetectionOptions Default { get; } = new();

    /// <summary>Detection off: every second counts as music (the behaviour before detection existed).</summary>
    public static MusicDetectionOptions Disabled { get; } = new() { Enabled = false };

    /// <summary>Whether seconds are classified at all. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>A second whose RMS level is below this many dB relative to full scale is <see cref="MusicPresence.Silence"/>. Default −66 dBFS (the quietest second of music in the 4Q val clips measures −62).</summary>
    public double SilenceThresholdDb { get; init; } = -66.0;

    /// <summary>
    /// Spectral change below which a stretch may be steady: the mean absolute difference, in dB per mel band, between
    /// consecutive quarter-second spectra around the second. Default 0.85 dB (steady noise measures about 0.65, a pure tone 0).
    /// </summary>
    public double SteadySpectralChangeDb { get; init; } = 0.85;

    /// <summary>
    /// Level variation below which a stretch may be steady: the standard deviation of the 50-ms RMS level around the
    /// second, in dB. Default 2.0 dB (steady noise measures up to about 1.1, a tone 0).
    /// </summary>
    public double SteadyLevelVariationDb { get; init; } = 2.0;

    /// <summary>
    /// A run of non-music seconds shorter than this, with music on both sides, is a pause in the music and counts as
    /// music. Default 3 seconds.
    /// </summary>
    public int MinimumGapSeconds { get; init; } = 3;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (!double.IsFinite(SilenceThresholdDb) || SilenceThresholdDb > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SilenceThresholdDb), SilenceThresholdDb, "The silence threshold must be a finite level at or below 0 dBFS.");
        }

        if (!double.IsFinite(SteadySpectralChangeDb) || SteadySpectralChangeDb < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SteadySpectralChangeDb), SteadySpectralChangeDb, "The spectral change threshold must be a finite, non-negative number of dB.");
        }

        if (!double.IsFinite(SteadyLevelVariationDb) || SteadyLevelVariationDb < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SteadyLevelVariationDb), SteadyLevelVariationDb, "The level variation threshold must be a finite, non-negative number of dB.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MinimumGapSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinimumGapSeconds, 60);
    }
}
