using MusicEmotion.Recommend.Recommending;

namespace MusicEmotion.Server.Api;

/// <summary>The body of <c>POST /api/recommendations</c>, as the OpenAPI document describes it; <see cref="RecommendationBodyReader"/> reads it.</summary>
internal sealed record RecommendationBody
{
    /// <summary>Most ids accepted in each list.</summary>
    public const int MaxIds = 500;

    /// <summary>Ids of liked tracks (1–500).</summary>
    public IReadOnlyList<string>? Liked { get; init; }

    /// <summary>Ids of disliked tracks (at most 500, none also liked): results move away from them.</summary>
    public IReadOnlyList<string>? Disliked { get; init; }

    /// <summary>How many tracks to return (1–1000). Default 10.</summary>
    public int? K { get; init; }

    /// <summary>Diversity in [0, 1]: 0 ranks by similarity alone, higher values spread the results out. Default 0.</summary>
    public double? Diversity { get; init; }

    /// <summary>How tracks are compared: <c>Combined</c> (sound and emotion, default) or <c>EmotionalArc</c> (the shape of the emotion curves).</summary>
    public SimilarityKind? Similarity { get; init; }

    /// <summary>Ids never to return.</summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>Only tracks at least this long (seconds, 0 or more; at most <see cref="MaxDurationSeconds"/>).</summary>
    public double? MinDurationSeconds { get; init; }

    /// <summary>Only tracks at most this long (seconds, more than 0).</summary>
    public double? MaxDurationSeconds { get; init; }
}
