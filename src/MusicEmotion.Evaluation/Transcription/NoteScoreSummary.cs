namespace MusicEmotion.Evaluation.Transcription;

/// <summary>Scores of one criterion over many clips: the mean of the per-clip scores and the pooled scores (summed counts).</summary>
/// <param name="MeanPrecision">Mean over clips of each clip's precision.</param>
/// <param name="MeanRecall">Mean over clips of each clip's recall.</param>
/// <param name="MeanF1">Mean over clips of each clip's F1 (the figure papers report).</param>
/// <param name="MedianF1">Median over clips of each clip's F1.</param>
/// <param name="Pooled">Every note of every clip counted once.</param>
internal sealed record NoteScoreSummary(double MeanPrecision, double MeanRecall, double MeanF1, double MedianF1, NoteScores Pooled)
{
    /// <summary>Summarises per-clip scores (NaN means and the empty pool when there is none).</summary>
    public static NoteScoreSummary Of(IReadOnlyList<NoteScores> clips)
    {
        double[] f1 = clips.Select(c => c.F1).Order().ToArray();
        double median = f1.Length == 0 ? double.NaN
            : f1.Length % 2 == 1 ? f1[f1.Length / 2] : (f1[f1.Length / 2 - 1] + f1[f1.Length / 2]) / 2;
        return new NoteScoreSummary(
            clips.Count == 0 ? double.NaN : clips.Average(c => c.Precision),
            clips.Count == 0 ? double.NaN : clips.Average(c => c.Recall),
            clips.Count == 0 ? double.NaN : f1.Average(),
            median,
            NoteScores.Pool(clips));
    }
}
