namespace MusicEmotion.Inference;

/// <summary>The outcome of one song of a batch: an analysis, or the error that stopped it.</summary>
/// <param name="Index">Position of the song in the input.</param>
/// <param name="Source">The song's <see cref="AudioInput.Name"/> (its path, for a file).</param>
/// <param name="Analysis">The analysis when it succeeded.</param>
/// <param name="Error">
/// The error when it failed (the batch goes on): a <see cref="MusicEmotionException"/> whose
/// <see cref="MusicEmotionException.Kind"/> says whether the song, the environment or the library is at fault, or
/// another exception (a bug).
/// </param>
public sealed record EmotionBatchItem(int Index, string Source, EmotionAnalysis? Analysis, Exception? Error)
{
    /// <summary>Whether the song was analysed.</summary>
    public bool Succeeded => Analysis is not null;
}
