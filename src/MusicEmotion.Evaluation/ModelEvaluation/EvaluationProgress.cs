namespace MusicEmotion.Evaluation.ModelEvaluation;

/// <summary>Progress of an evaluation.</summary>
/// <param name="Done">Clips analysed (or skipped).</param>
/// <param name="Total">Clips to analyse.</param>
internal readonly record struct EvaluationProgress(int Done, int Total);
