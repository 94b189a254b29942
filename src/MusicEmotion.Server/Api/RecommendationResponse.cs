using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Server.Api;

/// <summary>Recommended tracks, best first, and how they were found.</summary>
/// <param name="Items">The tracks.</param>
/// <param name="Similarity">How tracks were compared.</param>
/// <param name="SearchKind">The vector search used ("exact").</param>
/// <param name="SearchedTracks">Tracks searched (those analysed by the current model).</param>
/// <param name="StaleTracks">Tracks left out because an older model analysed them.</param>
internal sealed record RecommendationResponse(IReadOnlyList<RecommendedTrack> Items, SimilarityKind Similarity, string SearchKind, int SearchedTracks, int StaleTracks)
{
    /// <summary>The response for <paramref name="result"/>.</summary>
    public static RecommendationResponse From(RecommendationResult result) => new(
        result.Items.Select(RecommendedTrack.From).ToArray(), result.Similarity, result.SearchKind, result.SearchedTracks, result.StaleTracks);
}
