namespace MusicEmotion.Evaluation.ModelEvaluation;

/// <summary>Quadrant classification from the clip mean of the per-second outputs (0 counts as positive).</summary>
/// <param name="Split">The split evaluated, or null for every row.</param>
/// <param name="N">Clips scored.</param>
/// <param name="Accuracy">Share of clips in the right quadrant.</param>
/// <param name="MacroF1">Mean F1 over Q1..Q4.</param>
/// <param name="ArousalSignAccuracy">Share with the right arousal sign.</param>
/// <param name="ValenceSignAccuracy">Share with the right valence sign.</param>
/// <param name="Confusion">Counts, row = true quadrant Q1..Q4, column = predicted.</param>
internal sealed record FourQuadrantReport(string? Split, int N, double Accuracy, double MacroF1, double ArousalSignAccuracy, double ValenceSignAccuracy, int[][] Confusion);
