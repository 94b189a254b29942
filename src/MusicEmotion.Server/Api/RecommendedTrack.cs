using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Server.Api;

/// <summary>One recommended track.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">The name it was uploaded under.</param>
/// <param name="DurationSeconds">Its length.</param>
/// <param name="Score">Similarity to the query, −1…1 (higher is closer).</param>
/// <param name="Explanation">Why it was chosen, in words.</param>
/// <param name="ClosestLikedId">The liked track it is most like (the one the explanation compares it with).</param>
/// <param name="Blocks">The similarity part by part (sound descriptors, emotion statistics, emotional arc) and each part's weight.</param>
/// <param name="Links">Its resources (play it from <see cref="TrackLinks.Audio"/>).</param>
internal sealed record RecommendedTrack(
    string Id,
    string Name,
    double DurationSeconds,
    double Score,
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
        r.Explanation,
        r.ClosestLikedId,
        r.Blocks.Select(b => new BlockSimilarity(b.Block, Math.Round(b.Cosine, 4), Math.Round(b.Weight, 4))).ToArray(),
        TrackLinks.For(r.TrackId));
}
