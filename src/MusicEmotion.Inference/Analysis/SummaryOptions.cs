namespace MusicEmotion.Inference.Analysis;

/// <summary>How many moments <see cref="EmotionSummary.From"/> singles out, and how far apart peaks must be.</summary>
public sealed record SummaryOptions
{
    /// <summary>The defaults: 3 strongest moments, 3 peaks at least 10 seconds apart.</summary>
    public static SummaryOptions Default { get; } = new();

    /// <summary>How many strongest moments to report, overall and per dimension (default 3).</summary>
    public int StrongestMomentCount { get; init; } = 3;

    /// <summary>The most arousal peaks to report (default 3).</summary>
    public int PeakCount { get; init; } = 3;

    /// <summary>Minimum distance in seconds between two reported arousal peaks (default 10).</summary>
    public int PeakSeparationSeconds { get; init; } = 10;

    internal void Validate()
    {
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
