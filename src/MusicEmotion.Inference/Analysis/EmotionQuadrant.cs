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
