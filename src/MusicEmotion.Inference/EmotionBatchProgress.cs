using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference;

/// <summary>Progress of a batch.</summary>
/// <param name="Completed">Files finished (analysed or failed).</param>
/// <param name="Failed">Files that failed.</param>
/// <param name="Total">Files in the batch.</param>
/// <param name="LastPath">The file that just finished.</param>
public readonly record struct EmotionBatchProgress(int Completed, int Failed, int Total, string LastPath);
