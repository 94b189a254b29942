using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Recommend.Recommending;

/// <summary>Classifies and names <see cref="ArcShape"/>s.</summary>
public static class ArcShapes
{
    /// <summary>The change in mean arousal between thirds (on the [-1, 1] scale) that counts as a shape. 0.1.</summary>
    public const double Threshold = 0.1;

    /// <summary>
    /// Classifies a timeline by the mean arousal of its thirds (m1, m2, m3): a build when m3 − m1 ≥ 0.1 and the middle
    /// lies between, a fade for the reverse, a peak (dip) when the middle is 0.1 above (below) both ends, else steady.
    /// </summary>
    public static ArcShape Of(EmotionTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        if (timeline.Count < 3)
        {
            return ArcShape.Steady;
        }

        IReadOnlyList<float> thirds = EmotionVector.From(timeline, 3).Arousal;
        double first = thirds[0], middle = thirds[1], last = thirds[2];
        if (middle - Math.Max(first, last) >= Threshold)
        {
            return ArcShape.Peak;
        }

        if (Math.Min(first, last) - middle >= Threshold)
        {
            return ArcShape.Dip;
        }

        if (last - first >= Threshold)
        {
            return ArcShape.Build;
        }

        return first - last >= Threshold ? ArcShape.Fade : ArcShape.Steady;
    }

    /// <summary>The words explanations use for a shape, e.g. "calm-to-intense build".</summary>
    public static string Describe(ArcShape shape) => shape switch
    {
        ArcShape.Build => "calm-to-intense build",
        ArcShape.Fade => "intense-to-calm fade",
        ArcShape.Peak => "build to a peak and release",
        ArcShape.Dip => "quiet middle between livelier parts",
        _ => "steady energy",
    };
}
