namespace MusicEmotion.Inference.Analysis;

/// <summary>Maps points of the valence–arousal plane to quadrants.</summary>
public static class EmotionQuadrants
{
    /// <summary>
    /// The quadrant holding a point. A value of exactly 0 counts as positive, so the origin and the positive
    /// half-axes belong to Q1, negative arousal with zero valence to Q4 and zero arousal with negative valence to Q2.
    /// </summary>
    public static EmotionQuadrant Of(double arousal, double valence) => (arousal >= 0, valence >= 0) switch
    {
        (true, true) => EmotionQuadrant.Q1,
        (true, false) => EmotionQuadrant.Q2,
        (false, false) => EmotionQuadrant.Q3,
        (false, true) => EmotionQuadrant.Q4,
    };

    /// <summary>The plain-language name of a quadrant: "happy/excited", "angry/tense", "sad/depressed" or "calm/relaxed".</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quadrant"/> is not a quadrant.</exception>
    public static string Name(EmotionQuadrant quadrant) => quadrant switch
    {
        EmotionQuadrant.Q1 => "happy/excited",
        EmotionQuadrant.Q2 => "angry/tense",
        EmotionQuadrant.Q3 => "sad/depressed",
        EmotionQuadrant.Q4 => "calm/relaxed",
        _ => throw new ArgumentOutOfRangeException(nameof(quadrant), quadrant, "Not a quadrant."),
    };
}
