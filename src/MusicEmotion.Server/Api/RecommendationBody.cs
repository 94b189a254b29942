using MusicEmotion.Recommend.Recommending;

namespace MusicEmotion.Server.Api;

/// <summary>The body of <c>POST /api/recommendations</c>.</summary>
internal sealed record RecommendationBody
{
    /// <summary>Most ids accepted in each list.</summary>
    public const int MaxIds = 500;

    /// <summary>Ids of liked tracks (at least one).</summary>
    public IReadOnlyList<string>? Liked { get; init; }

    /// <summary>Ids of disliked tracks: results move away from them.</summary>
    public IReadOnlyList<string>? Disliked { get; init; }

    /// <summary>How many tracks to return (1–1000). Default 10.</summary>
    public int? K { get; init; }

    /// <summary>Diversity in [0, 1]: 0 ranks by similarity alone, higher values spread the results out. Default 0.</summary>
    public double? Diversity { get; init; }

    /// <summary>How tracks are compared: <c>Combined</c> (sound and emotion, default) or <c>EmotionalArc</c> (the shape of the emotion curves).</summary>
    public SimilarityKind? Similarity { get; init; }

    /// <summary>Ids never to return.</summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>Only tracks at least this long (seconds).</summary>
    public double? MinDurationSeconds { get; init; }

    /// <summary>Only tracks at most this long (seconds).</summary>
    public double? MaxDurationSeconds { get; init; }

    /// <summary>The library request, or the problem with this body.</summary>
    public RecommendationRequest ToRequest()
    {
        foreach ((string name, IReadOnlyList<string>? ids) in new[] { ("liked", Liked), ("disliked", Disliked), ("exclude", Exclude) })
        {
            if (ids is { Count: > MaxIds })
            {
                throw new ApiProblemException(ApiProblem.InvalidRequest($"'{name}' holds {ids.Count} ids; at most {MaxIds} are accepted."));
            }

            if (ids is not null && ids.Any(id => id is null))
            {
                throw new ApiProblemException(ApiProblem.InvalidRequest($"'{name}' holds a null id."));
            }
        }

        return new RecommendationRequest
        {
            Liked = Liked ?? [],
            Disliked = Disliked ?? [],
            K = K ?? 10,
            Diversity = Diversity,
            Similarity = Similarity ?? SimilarityKind.Combined,
            ExcludeIds = Exclude?.ToArray() ?? [],
            MinDurationSeconds = MinDurationSeconds,
            MaxDurationSeconds = MaxDurationSeconds,
        };
    }
}
