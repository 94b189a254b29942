namespace MusicEmotion.Recommend.Recommending;

/// <summary>One recommended track.</summary>
/// <param name="TrackId">Its id.</param>
/// <param name="SourceName">The name it was added under.</param>
/// <param name="DurationSeconds">Its length.</param>
/// <param name="Score">Cosine similarity to the query (−1…1; the ranking uses it, adjusted for diversity when asked).</param>
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
    string Explanation);
