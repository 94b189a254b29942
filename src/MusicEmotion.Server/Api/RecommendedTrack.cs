using MusicEmotion.Recommend.Recommending;

namespace MusicEmotion.Server.Api;

/// <summary>One recommended track.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">The name it was uploaded under.</param>
/// <param name="DurationSeconds">Its length.</param>
/// <param name="Score">
/// What the list is ordered by, 0…1 (highest first): <paramref name="Relevance"/> + <paramref name="DiversityContribution"/>.
/// </param>
/// <param name="Relevance">How well it matches, 0…1: (1 + similarity) / 2 (0.5 unrelated, 1 identical).</param>
/// <param name="DiversityContribution">What variety changed in the score (0 without it; negative for a track like one listed above it).</param>
/// <param name="Explanation">Why it was chosen, in words.</param>
/// <param name="ClosestLikedId">The liked track it is most like (the one the explanation compares it with).</param>
/// <param name="Blocks">The similarity part by part (sound descriptors, emotion statistics, emotional arc) and each part's weight.</param>
/// <param name="Links">Its resources (play it from <see cref="TrackLinks.Audio"/>).</param>
internal sealed record RecommendedTrack(
    string Id,
    string Name,
    double DurationSeconds,
    double Score,
    double Relevance,
    double DiversityContribution,
    string Explanation,
    string ClosestLikedId,
    IReadOnlyList<BlockSimilarity> Blocks,
    TrackLinks Links)
{
    /// <summary>The item for <paramref name="r"/>.</summary>
    public static RecommendedTrack From(Recommendation r) => new(
        r.TrackId,
        r.SourceName,
        Math.Round(r.DurationSeconds, 3),
        Math.Round(r.Score, 4),
        Math.Round(r.Relevance, 4),
        Math.Round(r.DiversityContribution, 4),
        r.Explanation,
        r.ClosestLikedId,
        r.Blocks.Select(b => new BlockSimilarity(b.Block, Math.Round(b.Cosine, 4), Math.Round(b.Weight, 4))).ToArray(),
        TrackLinks.For(r.TrackId));
}
