namespace MusicEmotion.Evaluation.ModelEvaluation;

/// <summary>An RMSE figure.</summary>
/// <param name="Rmse">Root mean squared error.</param>
internal sealed record RmseOnly(double Rmse);
