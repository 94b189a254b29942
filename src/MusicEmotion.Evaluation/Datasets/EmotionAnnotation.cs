namespace MusicEmotion.Evaluation.Datasets;

/// <summary>One annotated instant: arousal and/or valence on [-1, 1] at a time in seconds.</summary>
/// <param name="TimeSeconds">Time from the start of the clip.</param>
/// <param name="Arousal">Mean arousal there, or null when not annotated.</param>
/// <param name="Valence">Mean valence there, or null when not annotated.</param>
internal readonly record struct EmotionAnnotation(double TimeSeconds, double? Arousal, double? Valence);
