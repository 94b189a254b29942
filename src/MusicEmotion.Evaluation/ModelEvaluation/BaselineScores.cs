namespace MusicEmotion.Evaluation.ModelEvaluation;

/// <summary>The constant-mean baseline.</summary>
/// <param name="Arousal">Arousal baseline.</param>
/// <param name="Valence">Valence baseline.</param>
internal sealed record BaselineScores(RmseOnly Arousal, RmseOnly Valence);
