using System.Globalization;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference.Description;

/// <summary>
/// Describes a song deterministically from its <see cref="EmotionSummary"/> in one to three plain English sentences:
/// <list type="number">
/// <item><description>The overall character, from the mean position: words for the quadrant (Q1 joyful/upbeat,
/// Q2 tense/angry, Q3 sad/melancholic, Q4 calm/serene), stronger words when the mean lies at least 0.6 from the
/// origin, axis words (e.g. "dark", "quiet") when one mean lies within ±0.15 of 0, and "neutral and understated"
/// when both do; plus the variability: "steady" when the root-mean-square of the two standard deviations is below
/// 0.1 (and nothing trends), "shifting" above 0.25.</description></item>
/// <item><description>The trend, when the fitted change from first to last second reaches 0.25: "builds in
/// energy" / "winds down" for arousal, "grows brighter" / "grows darker" for valence.</description></item>
/// <item><description>The strongest moment and its time (mm:ss), when it stands out
/// (<see cref="EmotionSummary.StrongestMomentStandsOut"/>: intensity at least 0.3 and at least 0.1 above the intensity of
/// the mean position).</description></item>
/// <item><description>When at least 3 seconds hold no music (silence, a steady tone or noise), how many were left
/// out.</description></item>
/// </list>
/// Audio without any music gets no mood: "No music detected", with what was heard instead (silence, a steady sound).
/// </summary>
public sealed class RuleBasedEmotionDescriber : IEmotionDescriber
{
    /// <summary>Fitted change over the whole track from which a trend is mentioned.</summary>
    private const double TrendThreshold = 0.25;

    /// <summary>Spread below which the music is called steady.</summary>
    private const double SteadyBelow = 0.1;

    /// <summary>Spread above which the music is called shifting.</summary>
    private const double ShiftingAbove = 0.25;

    /// <summary>Seconds without music from which the description says how many were left out.</summary>
    private const int NonMusicWorthSaying = 3;

    /// <summary>Describes the song summarised by <paramref name="summary"/>.</summary>
    public string Describe(EmotionSummary summary) => Describe(summary, timeline: null);

    private static string Describe(EmotionSummary summary, EmotionTimeline? timeline)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Arousal is null || summary.Valence is null)
        {
            return "No music detected: " + NonMusicKind(timeline, whole: true) + ", so there is no mood to describe.";
        }

        double meanArousal = summary.Arousal.Mean, meanValence = summary.Valence.Mean;
        string? trend = Trend(summary);
        var sentences = new List<string>(3)
        {
            $"Overall the music feels {MoodWords.Character(meanArousal, meanValence)}{Variability(summary, trend is not null)}.",
        };

        if (trend is not null)
        {
            sentences.Add($"It {trend} as it goes on.");
        }

        string? moment = Moment(summary);
        if (moment is not null)
        {
            sentences.Add(moment);
        }

        int nonMusic = summary.Seconds - summary.MusicSeconds;
        if (nonMusic >= NonMusicWorthSaying)
        {
            sentences.Add(string.Create(CultureInfo.InvariantCulture, $"{nonMusic} seconds without music ({NonMusicKind(timeline, whole: false)}) are left out."));
        }

        return string.Join(" ", sentences);
    }

    private static string NonMusicKind(EmotionTimeline? timeline, bool whole)
    {
        if (timeline is null)
        {
            return whole ? "the audio holds no music" : "silence or a steady sound";
        }

        bool silence = timeline.Presence.Contains(MusicPresence.Silence);
        bool steady = timeline.Presence.Contains(MusicPresence.SteadySignal);
        return (silence, steady, whole) switch
        {
            (true, false, true) => "the audio is silent or nearly so",
            (false, true, true) => "the audio is a steady tone or noise, with no rhythm or change",
            (_, _, true) => "the audio holds only silence and steady sounds",
            (true, false, false) => "silence",
            (false, true, false) => "a steady tone or noise",
            _ => "silence and steady sounds",
        };
    }

    /// <inheritdoc />
    public Task<string> DescribeAsync(EmotionTimeline timeline, EmotionSummary summary, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(timeline);
        return Task.FromResult(Describe(summary, timeline));
    }

    private static string Variability(EmotionSummary summary, bool trends)
    {
        double a = summary.Arousal!.StandardDeviation, v = summary.Valence!.StandardDeviation;
        double spread = Math.Sqrt(((a * a) + (v * v)) / 2);
        if (spread > ShiftingAbove)
        {
            return ", with a constantly shifting mood";
        }

        if (spread >= SteadyBelow)
        {
            return ", with some shifts in mood along the way";
        }

        return trends ? string.Empty : ", and it stays steady throughout";
    }

    private static string? Trend(EmotionSummary summary)
    {
        double minutes = Math.Max(summary.MusicSeconds - 1, 0) / 60.0;
        double arousalChange = summary.Arousal!.TrendPerMinute * minutes;
        double valenceChange = summary.Valence!.TrendPerMinute * minutes;
        var parts = new List<string>(2);
        if (arousalChange >= TrendThreshold)
        {
            parts.Add("builds in energy");
        }
        else if (arousalChange <= -TrendThreshold)
        {
            parts.Add("winds down");
        }

        if (valenceChange >= TrendThreshold)
        {
            parts.Add("grows brighter");
        }
        else if (valenceChange <= -TrendThreshold)
        {
            parts.Add("grows darker");
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    private static string? Moment(EmotionSummary summary)
    {
        if (!summary.StrongestMomentStandsOut)
        {
            return null;
        }

        EmotionMoment strongest = summary.StrongestMoments[0];
        return $"Its most intense moment comes at {Clock(strongest.Second)}, where it is {MoodWords.Moment(strongest.Arousal, strongest.Valence)}.";
    }

    /// <summary>Seconds as mm:ss (minutes keep counting past 59).</summary>
    internal static string Clock(int seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:00}:{seconds % 60:00}");
}
