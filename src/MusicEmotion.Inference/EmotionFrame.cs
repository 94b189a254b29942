namespace MusicEmotion.Inference;

/// <summary>One second of a streaming analysis.</summary>
/// <param name="Second">Index of the second (covers [Second, Second+1)).</param>
/// <param name="Arousal">Arousal on [-1, 1].</param>
/// <param name="Valence">Valence on [-1, 1].</param>
public readonly record struct EmotionFrame(int Second, float Arousal, float Valence);
