using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Evaluation.Datasets;

/// <summary>Conversions between 4Q labels, <see cref="EmotionQuadrant"/> and the signs of arousal and valence.</summary>
internal static class QuadrantSigns
{
    /// <summary>Whether the quadrant has high (positive) arousal: Q1 and Q2.</summary>
    public static bool IsHighArousal(this EmotionQuadrant quadrant) => quadrant is EmotionQuadrant.Q1 or EmotionQuadrant.Q2;

    /// <summary>Whether the quadrant has positive valence: Q1 and Q4.</summary>
    public static bool IsPositiveValence(this EmotionQuadrant quadrant) => quadrant is EmotionQuadrant.Q1 or EmotionQuadrant.Q4;

    /// <summary>Parses "Q1".."Q4" (case-insensitive) or "1".."4".</summary>
    public static bool TryParse(string text, out EmotionQuadrant quadrant)
    {
        string t = text.Trim();
        if (t.Length == 2 && (t[0] == 'Q' || t[0] == 'q'))
        {
            t = t[1..];
        }

        if (t.Length == 1 && t[0] is >= '1' and <= '4')
        {
            quadrant = (EmotionQuadrant)(t[0] - '0');
            return true;
        }

        quadrant = default;
        return false;
    }
}
