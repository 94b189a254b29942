using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference;

/// <summary>
/// One point of Russell's circumplex: arousal (calm −1 … excited +1) and valence (unpleasant −1 … pleasant +1).
/// <see cref="QuadrantOf"/> and <see cref="QuadrantName"/> say which quadrant of the plane a point lies in and what that
/// quadrant is called.
/// </summary>
/// <param name="Arousal">Arousal on [-1, 1].</param>
/// <param name="Valence">Valence on [-1, 1].</param>
public readonly record struct ArousalValence(float Arousal, float Valence)
{
    /// <summary>
    /// The quadrant holding a point. A value of exactly 0 counts as positive, so the origin and the positive
    /// half-axes belong to Q1, negative arousal with zero valence to Q4 and zero arousal with negative valence to Q2.
    /// </summary>
    /// <param name="arousal">Arousal of the point.</param>
    /// <param name="valence">Valence of the point.</param>
    public static EmotionQuadrant QuadrantOf(double arousal, double valence) => (arousal >= 0, valence >= 0) switch
    {
        (true, true) => EmotionQuadrant.Q1,
        (true, false) => EmotionQuadrant.Q2,
        (false, false) => EmotionQuadrant.Q3,
        (false, true) => EmotionQuadrant.Q4,
    };

    /// <summary>The plain-language name of a quadrant: "happy/excited", "angry/tense", "sad/depressed" or "calm/relaxed".</summary>
    /// <param name="quadrant">The quadrant.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quadrant"/> is not a quadrant.</exception>
    public static string QuadrantName(EmotionQuadrant quadrant) => quadrant switch
    {
        EmotionQuadrant.Q1 => "happy/excited",
        EmotionQuadrant.Q2 => "angry/tense",
        EmotionQuadrant.Q3 => "sad/depressed",
        EmotionQuadrant.Q4 => "calm/relaxed",
        _ => throw new ArgumentOutOfRangeException(nameof(quadrant), quadrant, "Not a quadrant."),
    };
}
