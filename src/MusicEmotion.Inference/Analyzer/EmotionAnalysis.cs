using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference;

/// <summary>Everything the analyser learns about one track.</summary>
/// <param name="Source">The file path or stream name.</param>
/// <param name="DurationSeconds">Length of the audio.</param>
/// <param name="ModelName">The model that produced the timeline.</param>
/// <param name="Timeline">Arousal and valence for every second.</param>
/// <param name="Vector">The timeline resampled to the configured fixed length.</param>
/// <param name="Summary">Statistics of the timeline.</param>
/// <param name="Description">Plain-language description, or null when descriptions are off.</param>
public sealed record EmotionAnalysis(
    string Source,
    double DurationSeconds,
    string ModelName,
    EmotionTimeline Timeline,
    EmotionVector Vector,
    EmotionSummary Summary,
    string? Description);

/// <summary>One second of a streaming analysis.</summary>
/// <param name="Second">Index of the second (covers [Second, Second+1)).</param>
/// <param name="Arousal">Arousal on [-1, 1].</param>
/// <param name="Valence">Valence on [-1, 1].</param>
public readonly record struct EmotionFrame(int Second, float Arousal, float Valence);

/// <summary>The outcome of one file of a batch: an analysis, or the error that stopped it.</summary>
/// <param name="Index">Position of the file in the input.</param>
/// <param name="Path">The file.</param>
/// <param name="Analysis">The analysis when it succeeded.</param>
/// <param name="Error">The error message when it failed (the batch goes on).</param>
/// <param name="ErrorType">The exception type name when it failed.</param>
public sealed record EmotionBatchItem(int Index, string Path, EmotionAnalysis? Analysis, string? Error, string? ErrorType)
{
    /// <summary>Whether the file was analysed.</summary>
    public bool Succeeded => Analysis is not null;
}

/// <summary>Progress of a batch.</summary>
/// <param name="Completed">Files finished (analysed or failed).</param>
/// <param name="Failed">Files that failed.</param>
/// <param name="Total">Files in the batch.</param>
/// <param name="LastPath">The file that just finished.</param>
public readonly record struct EmotionBatchProgress(int Completed, int Failed, int Total, string LastPath);
