namespace MusicEmotion.Inference.Analysis;

/// <summary>
/// What an emotion timeline says about a whole song: statistics per dimension, time spent in each quadrant and the
/// moments that stand out, all over the seconds that hold music (<see cref="EmotionTimeline.MusicSeconds"/>). A song
/// without music has a summary that says so: no statistics, no dominant quadrant, no moments. Serialisable with
/// System.Text.Json (quadrants as names such as <c>"Q1"</c>).
/// </summary>
/// <param name="Seconds">Number of per-second values of the timeline.</param>
/// <param name="DurationSeconds">Length of the audio in seconds.</param>
/// <param name="MusicSeconds">Number of seconds that hold music: the ones summarised.</param>
/// <param name="Arousal">Statistics of arousal (calm −1 … excited +1); null when there is no music.</param>
/// <param name="Valence">Statistics of valence (unpleasant −1 … pleasant +1); null when there is no music.</param>
/// <param name="QuadrantShares">Share of music seconds in each quadrant (0 counts as positive); the shares sum to 1, or are all 0 without music.</param>
/// <param name="StrongestMoments">
/// The seconds furthest from the origin (largest <see cref="EmotionMoment.Intensity"/>), strongest first; ties go to
/// the earlier second. At most <see cref="SummaryOptions.StrongestMomentCount"/>.
/// </param>
/// <param name="ArousalPeaks">
/// Prominent local maxima of arousal among the music seconds, in time order. A candidate is a second (or the first
/// second of a flat stretch) with no higher neighbour within its run of music and a lower one on at least one side; it
/// is a peak when it rises at least <see cref="SummaryOptions.MinimumPeakProminence"/> above its surroundings: on each
/// side, the lowest arousal before the nearest higher second. A side that reaches the end of its run without a higher
/// second does not count against it, so the first or last second of a run is measured against the side it has, and
/// the highest second of a run against the run's lowest. A constant or barely moving timeline has none. Peaks are
/// chosen highest first (ties to the earlier second), skipping any closer than
/// <see cref="SummaryOptions.PeakSeparationSeconds"/> to one already chosen, up to <see cref="SummaryOptions.PeakCount"/>.
/// </param>
public sealed record EmotionSummary(
    int Seconds,
    double DurationSeconds,
    int MusicSeconds,
    DimensionStatistics? Arousal,
    DimensionStatistics? Valence,
    QuadrantShares QuadrantShares,
    IReadOnlyList<EmotionMoment> StrongestMoments,
    IReadOnlyList<EmotionMoment> ArousalPeaks)
{
    /// <summary>The quadrant holding most music seconds; ties go to the lower-numbered quadrant; null when there is no music.</summary>
    public EmotionQuadrant? DominantQuadrant => QuadrantShares.Dominant;

    /// <summary>Intensity a strongest moment needs to stand out.</summary>
    private const double StandOutIntensity = 0.3;

    /// <summary>How far a moment's intensity must exceed the mean position's to stand out.</summary>
    private const double StandOutAboveMean = 0.1;

    /// <summary>
    /// Whether the strongest moment (<see cref="StrongestMoments"/>[0]) stands out of the song: its intensity is at least
    /// 0.3 and at least 0.1 above the intensity of the mean position (the distance of mean arousal and mean valence from
    /// the origin). False without music and on a flat or evenly strong curve, where every second is about as strong as
    /// the song's mood as a whole. The rule-based description names the moment only when this holds, and the service's
    /// page shows it only then.
    /// </summary>
    public bool StrongestMomentStandsOut =>
        Arousal is { } arousal && Valence is { } valence && StrongestMoments.Count > 0
        && StrongestMoments[0].Intensity >= StandOutIntensity
        && StrongestMoments[0].Intensity - Math.Sqrt((arousal.Mean * arousal.Mean) + (valence.Mean * valence.Mean)) >= StandOutAboveMean;

    /// <summary>Whether any second holds music; false means "no music detected" (silence, a steady tone or noise).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasMusic => MusicSeconds > 0;

    /// <summary>Summarises <paramref name="timeline"/>.</summary>
    /// <param name="timeline">A timeline with at least one value.</param>
    /// <param name="options">How many moments to report; <see cref="SummaryOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The timeline is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static EmotionSummary From(EmotionTimeline timeline, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        options ??= SummaryOptions.Default;
        options.Validate();
        if (timeline.Count == 0)
        {
            throw new ArgumentException("Cannot summarise an empty emotion timeline: it holds no per-second values.", nameof(timeline));
        }

        if (!timeline.HasMusic)
        {
            return new EmotionSummary(timeline.Count, timeline.DurationSeconds, 0, null, null, QuadrantShares.Of(timeline), [], []);
        }

        EmotionMoment[] strongest = timeline.MusicSeconds
            .Select(i => EmotionMoment.At(timeline, i))
            .OrderByDescending(m => m.Intensity)
            .ThenBy(m => m.Second)
            .Take(options.StrongestMomentCount)
            .ToArray();

        return new EmotionSummary(
            timeline.Count,
            timeline.DurationSeconds,
            timeline.MusicSeconds.Count,
            DimensionStatistics.Of(timeline, timeline.Arousal, options.StrongestMomentCount),
            DimensionStatistics.Of(timeline, timeline.Valence, options.StrongestMomentCount),
            QuadrantShares.Of(timeline),
            strongest,
            ArousalPeakFinder.Find(timeline.Arousal, timeline.IsMusic, options.PeakCount, options.PeakSeparationSeconds, options.MinimumPeakProminence)
                .Select(i => EmotionMoment.At(timeline, i))
                .ToArray());
    }
}
