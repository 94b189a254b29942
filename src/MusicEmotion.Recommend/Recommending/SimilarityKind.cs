namespace MusicEmotion.Recommend.Recommending;

/// <summary>How two tracks are compared.</summary>
public enum SimilarityKind
{
    /// <summary>
    /// Cosine similarity over the weighted blocks (audio descriptors, emotion statistics, emotional arc) with the
    /// recommender's <see cref="RecommenderOptions.Weights"/>: the original study's method, extended with emotion.
    /// </summary>
    Combined,

    /// <summary>
    /// The emotional arc alone: the Pearson correlation of the two tracks' arousal and valence curves, each resampled to
    /// the same length and centred on its own mean (cosine of the centred curves). It compares the shape of the journey,
    /// not its level or its sound.
    /// </summary>
    EmotionalArc,
}
