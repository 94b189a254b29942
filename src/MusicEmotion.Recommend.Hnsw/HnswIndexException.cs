namespace MusicEmotion.Recommend.Hnsw;

/// <summary>
/// The HNSW index could not be created, loaded, saved or changed (e.g. a file that is not an index, an index of another
/// dimension, a write to a memory-mapped view): bad input (<see cref="MusicEmotionErrorKind.Input"/>).
/// </summary>
public sealed class HnswIndexException : MusicEmotionException
{
    /// <summary>Creates the exception.</summary>
    public HnswIndexException(string message, Exception? inner = null)
        : base(MusicEmotionErrorKind.Input, message, inner)
    {
    }
}
