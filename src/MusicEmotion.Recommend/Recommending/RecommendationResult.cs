namespace MusicEmotion.Recommend.Recommending;

/// <summary>Recommendations and how they were found.</summary>
/// <param name="Items">The tracks in the order to show them: by <see cref="Recommendation.Score"/>, highest first.</param>
/// <param name="Similarity">How tracks were compared.</param>
/// <param name="SearchKind">The vector search that found them (e.g. "exact").</param>
/// <param name="SearchedTracks">Tracks searched (the catalog's tracks made by the current model).</param>
/// <param name="StaleTracks">Tracks left out because another model version analysed them (re-analyse them to include them).</param>
public sealed record RecommendationResult(
    IReadOnlyList<Recommendation> Items,
    SimilarityKind Similarity,
    string SearchKind,
    int SearchedTracks,
    int StaleTracks)
{
    /// <summary>The diversity λ the list was chosen with (0: by relevance alone).</summary>
    public double Diversity { get; init; }

    /// <summary>
    /// Tracks left out because no music was detected in them (silence, a steady tone or noise): they have no mood to
    /// compare, so they are never recommended.
    /// </summary>
    public int NoMusicTracks { get; init; }
}
