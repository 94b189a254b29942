namespace MusicEmotion.Evaluation.Datasets;

/// <summary>Russell's quadrants as used by the 4Q dataset.</summary>
public enum Quadrant
{
    /// <summary>Positive valence, high arousal (happy, excited).</summary>
    Q1 = 1,
    /// <summary>Negative valence, high arousal (angry, tense).</summary>
    Q2 = 2,
    /// <summary>Negative valence, low arousal (sad, depressed).</summary>
    Q3 = 3,
    /// <summary>Positive valence, low arousal (calm, relaxed).</summary>
    Q4 = 4,
}

/// <summary>Conversions between quadrants and the signs of arousal and valence.</summary>
public static class QuadrantSigns
{
    /// <summary>Whether the quadrant has high (positive) arousal: Q1 and Q2.</summary>
    public static bool IsHighArousal(this Quadrant quadrant) => quadrant is Quadrant.Q1 or Quadrant.Q2;

    /// <summary>Whether the quadrant has positive valence: Q1 and Q4.</summary>
    public static bool IsPositiveValence(this Quadrant quadrant) => quadrant is Quadrant.Q1 or Quadrant.Q4;

    /// <summary>The quadrant of a point in the valence–arousal plane (0 counts as positive).</summary>
    public static Quadrant FromValues(double arousal, double valence) => (arousal >= 0, valence >= 0) switch
    {
        (true, true) => Quadrant.Q1,
        (true, false) => Quadrant.Q2,
        (false, false) => Quadrant.Q3,
        (false, true) => Quadrant.Q4,
    };

    /// <summary>Parses "Q1".."Q4" (case-insensitive) or "1".."4".</summary>
    public static bool TryParse(string text, out Quadrant quadrant)
    {
        string t = text.Trim();
        if (t.Length == 2 && (t[0] == 'Q' || t[0] == 'q'))
        {
            t = t[1..];
        }

        if (t.Length == 1 && t[0] is >= '1' and <= '4')
        {
            quadrant = (Quadrant)(t[0] - '0');
            return true;
        }

        quadrant = default;
        return false;
    }
}
