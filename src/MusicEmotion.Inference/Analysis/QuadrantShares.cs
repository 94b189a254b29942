using System.Text.Json.Serialization;

namespace MusicEmotion.Inference.Analysis;

/// <summary>
/// Share of a timeline's seconds in each quadrant; the four shares sum to 1. A value of exactly 0 counts as
/// positive (see <see cref="ArousalValence.QuadrantOf"/>).
/// </summary>
/// <param name="Q1">Share of seconds with positive valence and positive arousal (happy, excited).</param>
/// <param name="Q2">Share of seconds with negative valence and positive arousal (angry, tense).</param>
/// <param name="Q3">Share of seconds with negative valence and negative arousal (sad, depressed).</param>
/// <param name="Q4">Share of seconds with positive valence and negative arousal (calm, relaxed).</param>
public sealed record QuadrantShares(double Q1, double Q2, double Q3, double Q4)
{
    /// <summary>The share of <paramref name="quadrant"/>.</summary>
    public double this[EmotionQuadrant quadrant] => quadrant switch
    {
        EmotionQuadrant.Q1 => Q1,
        EmotionQuadrant.Q2 => Q2,
        EmotionQuadrant.Q3 => Q3,
        EmotionQuadrant.Q4 => Q4,
        _ => throw new ArgumentOutOfRangeException(nameof(quadrant), quadrant, "Not a quadrant."),
    };

    /// <summary>
    /// The quadrant with the largest share; ties go to the lower-numbered quadrant (Q1 before Q2 …); null when every
    /// share is 0 (a timeline without music).
    /// </summary>
    [JsonIgnore]
    public EmotionQuadrant? Dominant
    {
        get
        {
            if (Q1 + Q2 + Q3 + Q4 <= 0)
            {
                return null;
            }

            EmotionQuadrant best = EmotionQuadrant.Q1;
            foreach (EmotionQuadrant q in new[] { EmotionQuadrant.Q2, EmotionQuadrant.Q3, EmotionQuadrant.Q4 })
            {
                if (this[q] > this[best])
                {
                    best = q;
                }
            }

            return best;
        }
    }

    /// <summary>
    /// Counts the music seconds of <paramref name="timeline"/> in each quadrant (seconds without music are left out;
    /// every share is 0 when there is no music).
    /// </summary>
    /// <exception cref="ArgumentException">The timeline is empty.</exception>
    public static QuadrantShares Of(EmotionTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        if (timeline.Count == 0)
        {
            throw new ArgumentException("Cannot compute quadrant shares of an empty emotion timeline.", nameof(timeline));
        }

        var counts = new int[5];
        foreach (int i in timeline.MusicSeconds)
        {
            counts[(int)ArousalValence.QuadrantOf(timeline.Arousal[i], timeline.Valence[i])]++;
        }

        double n = Math.Max(1, timeline.MusicSeconds.Count);
        return new QuadrantShares(counts[1] / n, counts[2] / n, counts[3] / n, counts[4] / n);
    }
}
