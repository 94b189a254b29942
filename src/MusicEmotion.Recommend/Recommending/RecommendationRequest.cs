namespace MusicEmotion.Recommend.Recommending;

/// <summary>What to recommend: more like the liked tracks, away from the disliked ones, with filters.</summary>
public sealed record RecommendationRequest
{
    /// <summary>Ids of the liked tracks (at least one). They are never returned.</summary>
    public IReadOnlyList<string> Liked { get; init; } = [];

    /// <summary>Ids of the disliked tracks: the query moves away from them. They are never returned.</summary>
    public IReadOnlyList<string> Disliked { get; init; } = [];

    /// <summary>How many tracks to return. Default 10.</summary>
    public int K { get; init; } = 10;

    /// <summary>Diversity λ in [0, 1] (maximal marginal relevance); null uses <see cref="RecommenderOptions.Diversity"/>.</summary>
    public double? Diversity { get; init; }

    /// <summary>Further ids never to return.</summary>
    public IReadOnlyCollection<string> ExcludeIds { get; init; } = [];

    /// <summary>Only tracks at least this long (seconds).</summary>
    public double? MinDurationSeconds { get; init; }

    /// <summary>Only tracks at most this long (seconds).</summary>
    public double? MaxDurationSeconds { get; init; }

    /// <summary>How tracks are compared. Default <see cref="SimilarityKind.Combined"/>.</summary>
    public SimilarityKind Similarity { get; init; } = SimilarityKind.Combined;
}
