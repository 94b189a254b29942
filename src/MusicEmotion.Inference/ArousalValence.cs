namespace MusicEmotion.Inference;

/// <summary>One point of Russell's circumplex: arousal (calm −1 … excited +1) and valence (unpleasant −1 … pleasant +1).</summary>
/// <param name="Arousal">Arousal on [-1, 1].</param>
/// <param name="Valence">Valence on [-1, 1].</param>
public readonly record struct ArousalValence(float Arousal, float Valence);
