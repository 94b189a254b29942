namespace MusicEmotion.Features;

/// <summary>
/// An extractor that can share its work with the kind named right after it in a recipe — the note kinds of
/// MusicEmotion.Notes, for example, transcribe the signal once for <c>notes</c> and <c>harmony</c> together.
/// <see cref="FeatureKindRegistry.CreateStream"/> asks each such extractor to combine with the next kind's before
/// running them side by side; the combined extractor's columns are the first's followed by the second's.
/// </summary>
public interface ICombinableFeatureExtractor : IFeatureExtractor
{
    /// <summary>
    /// One extractor giving this extractor's columns followed by <paramref name="following"/>'s (same framing), doing their
    /// shared work once; null when the two cannot combine.
    /// </summary>
    IFeatureExtractor? CombineWith(IFeatureExtractor following);
}
