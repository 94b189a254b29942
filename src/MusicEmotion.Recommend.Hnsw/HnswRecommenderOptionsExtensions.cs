using MusicEmotion.Recommend.Recommending;

namespace MusicEmotion.Recommend.Hnsw;

/// <summary>Plugs the HNSW index into the recommender.</summary>
public static class HnswRecommenderOptionsExtensions
{
    /// <summary>
    /// Makes the recommender search an <see cref="HnswVectorIndex"/> once the catalog holds
    /// <paramref name="threshold"/> current-model tracks or more (default: keep
    /// <see cref="RecommenderOptions.ApproximateSearchThreshold"/>), and exact search below; results say which
    /// (<see cref="RecommendationResult.SearchKind"/> "exact" or "hnsw").
    /// </summary>
    /// <example><code>services.AddMusicEmotionRecommendations(o => o.Recommender.UseHnswIndex());</code></example>
    /// <exception cref="ArgumentException">An HNSW setting is out of range.</exception>
    public static RecommenderOptions UseHnswIndex(this RecommenderOptions options, HnswIndexOptions? index = null, int? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        index ??= new HnswIndexOptions();
        index.Validate();
        options.CreateApproximateIndex = dimension => new HnswVectorIndex(dimension, index);
        if (threshold is { } size)
        {
            options.ApproximateSearchThreshold = size;
        }

        return options;
    }
}
