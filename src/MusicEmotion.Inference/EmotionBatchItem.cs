using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference;

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
