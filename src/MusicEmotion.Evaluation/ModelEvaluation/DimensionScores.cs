namespace MusicEmotion.Evaluation.ModelEvaluation;

/// <summary>RMSE, MAE and Pearson r of one dimension.</summary>
/// <param name="N">Pairs scored.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Pearson">Pearson correlation.</param>
internal sealed record DimensionScores(int N, double Rmse, double Mae, double Pearson);
