namespace MusicEmotion.Recommend.Recommending;

/// <summary>One recommended track.</summary>
/// <param name="TrackId">Its id.</param>
/// <param name="SourceName">The name it was added under.</param>
/// <param name="DurationSeconds">Its length.</param>
/// <param name="Score">
/// What the list is ordered by, on [0, 1] (higher first): <see cref="Relevance"/> plus <see cref="DiversityContribution"/>.
/// Without diversity it is the relevance, <c>(1 + similarity) / 2</c>.
/// </param>
/// <param name="Blocks">The similarity block by block.</param>
/// <param name="ClosestLikedId">The liked track it is most similar to, which <paramref name="Explanation"/> compares it with.</param>
/// <param name="Explanation">Why it was chosen, in words: what makes it close and how it differs.</param>
public sealed record Recommendation(
    string TrackId,
    string SourceName,
    double DurationSeconds,
    double Score,
    IReadOnlyList<BlockScore> Blocks,
    string ClosestLikedId,
    string Explanation)
{
    /// <summary>The cosine similarity of the track's vector and the query's (−1…1): <c>Σ Weight · Cosine</c> of <see cref="Blocks"/>.</summary>
    public double Similarity { get; init; }

    /// <summary>How well the track matches the query, on [0, 1]: <see cref="RelevanceOf"/> of <see cref="Similarity"/>.</summary>
    public double Relevance { get; init; }

    /// <summary>
    /// What diversity changed in <see cref="Score"/> (0 without diversity): <c>λ · (novelty − relevance)</c>, where novelty
    /// is <c>(1 − s) / 2</c> for the highest similarity <c>s</c> to a track listed above it (1 for the first). Negative when
    /// the track resembles one listed above it, which is what moves near-duplicates down.
    /// </summary>
    public double DiversityContribution { get; init; }

    /// <summary>
    /// The relevance scale: a similarity <c>s</c> in [−1, 1] maps to <c>(1 + s) / 2</c> in [0, 1] (0 opposite, 0.5 unrelated,
    /// 1 identical). Stable: the same similarity always gives the same relevance, whatever the catalog.
    /// </summary>
    public static double RelevanceOf(double similarity) => (1 + Math.Clamp(similarity, -1, 1)) / 2;
}
