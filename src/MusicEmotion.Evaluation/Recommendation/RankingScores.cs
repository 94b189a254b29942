namespace MusicEmotion.Evaluation.Recommendation;

/// <summary>Mean ranking quality over the queries of a benchmark.</summary>
/// <param name="PrecisionAtK">Mean precision@k.</param>
/// <param name="NdcgAtK">Mean binary nDCG@k.</param>
internal sealed record RankingScores(double PrecisionAtK, double NdcgAtK);
