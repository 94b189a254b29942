namespace MusicEmotion.Evaluation.ModelEvaluation;

/// <summary>Per-second agreement: the model's value for second floor(t) against the label at each annotated time t.</summary>
/// <param name="Clips">Clips scored.</param>
/// <param name="N">Annotated instants scored (arousal).</param>
/// <param name="Arousal">Arousal scores.</param>
/// <param name="Valence">Valence scores.</param>
/// <param name="BaselineMean">RMSE of predicting the mean label of the evaluated instants everywhere.</param>
internal sealed record PerSecondReport(int Clips, int N, DimensionScores Arousal, DimensionScores Valence, BaselineScores BaselineMean);
