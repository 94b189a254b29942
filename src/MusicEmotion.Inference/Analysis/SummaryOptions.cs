namespace MusicEmotion.Inference.Analysis;

/// <summary>How many moments <see cref="EmotionSummary.From"/> singles out, how far apart peaks must be and how much they must stand out.</summary>
public sealed record SummaryOptions
{
    /// <summary>The defaults: 3 strongest moments, 3 peaks at least 10 seconds apart, each rising at least 0.1 above its surroundings.</summary>
    public static SummaryOptions Default { get; } = new();

    /// <summary>How many strongest moments to report, overall and per dimension (default 3).</summary>
    public int StrongestMomentCount { get; init; } = 3;

    /// <summary>The most arousal peaks to report (default 3).</summary>
    public int PeakCount { get; init; } = 3;

    /// <summary>Minimum distance in seconds between two reported arousal peaks (default 10).</summary>
    public int PeakSeparationSeconds { get; init; } = 10;

    /// <summary>
    /// How far (on arousal's [−1, 1] scale) a second must rise above its surroundings to count as a peak: its
    /// prominence, as in scipy.signal.find_peaks, measured on each side against the lowest arousal before the nearest
    /// higher second (default 0.1; 0 keeps every local maximum). A side that reaches the end of its run of music without
    /// a higher second does not count, so the first and last second of a run are measured against the side they have.
    /// 0.1 lies at the valley of the prominences of the shipped model's local maxima on real train clips: most are the
    /// wobble of a steady passage, a few hundredths (docs/model.md, "Arousal peaks"). See
    /// <see cref="EmotionSummary.ArousalPeaks"/>.
    /// </summary>
    public double MinimumPeakProminence { get; init; } = 0.1;

    internal void Validate()
    {
        if (!double.IsFinite(MinimumPeakProminence) || MinimumPeakProminence < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumPeakProminence), MinimumPeakProminence, "Must be a finite number, 0 or more.");
        }

        if (StrongestMomentCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(StrongestMomentCount), StrongestMomentCount, "Must be 0 or more.");
        }

        if (PeakCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PeakCount), PeakCount, "Must be 0 or more.");
        }

        if (PeakSeparationSeconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PeakSeparationSeconds), PeakSeparationSeconds, "Must be at least 1 second.");
        }
    }
}
