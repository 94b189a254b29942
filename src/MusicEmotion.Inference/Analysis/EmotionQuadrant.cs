using System.Text.Json.Serialization;

namespace MusicEmotion.Inference.Analysis;

/// <summary>The four quadrants of Russell's circumplex (serialised by name, e.g. <c>"Q3"</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EmotionQuadrant>))]
public enum EmotionQuadrant
{
    /// <summary>Positive valence, positive arousal: happy, excited.</summary>
    Q1 = 1,

    /// <summary>Negative valence, positive arousal: angry, tense.</summary>
    Q2 = 2,

    /// <summary>Negative valence, negative arousal: sad, depressed.</summary>
    Q3 = 3,

    /// <summary>Positive valence, negative arousal: calm, relaxed.</summary>
    Q4 = 4,
}

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
