using MusicEmotion.Recommend.Recommending;

namespace MusicEmotion.Server.Api;

/// <summary>Recommended tracks in the order to show them (by score, highest first), and how they were found.</summary>
/// <param name="Items">The tracks.</param>
/// <param name="Similarity">How tracks were compared.</param>
/// <param name="Diversity">The variety λ the list was chosen with (0: by relevance alone); each item's score is (1 − λ)·relevance + λ·novelty.</param>
/// <param name="SearchKind">The vector search used ("exact").</param>
/// <param name="SearchedTracks">Tracks searched (those analysed by the current model).</param>
/// <param name="StaleTracks">Tracks left out because an older model analysed them.</param>
/// <param name="NoMusicTracks">Tracks left out because no music was detected in them (they have no mood to compare).</param>
internal sealed record RecommendationResponse(IReadOnlyList<RecommendedTrack> Items, SimilarityKind Similarity, double Diversity, string SearchKind, int SearchedTracks,
    int StaleTracks, int NoMusicTracks)
{
    /// <summary>The response for <paramref name="result"/>.</summary>
    public static RecommendationResponse From(RecommendationResult result) => new(
        result.Items.Select(RecommendedTrack.From).ToArray(), result.Similarity, Math.Round(result.Diversity, 4), result.SearchKind, result.SearchedTracks, result.StaleTracks, result.NoMusicTracks);
}
