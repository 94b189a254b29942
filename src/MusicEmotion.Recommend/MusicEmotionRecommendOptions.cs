using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Journeys;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend;

/// <summary>Options of <see cref="MusicEmotionRecommendServiceCollectionExtensions.AddMusicEmotionRecommendations"/>.</summary>
public sealed class MusicEmotionRecommendOptions
{
    /// <summary>The SQLite catalog file (created when missing; its folder must exist). Default <c>catalog.db</c>.</summary>
    public string CatalogPath { get; set; } = "catalog.db";

    /// <summary>Options of the SQLite catalog.</summary>
    public SqliteCatalogOptions Catalog { get; set; } = new();

    /// <summary>How tracks become vector blocks.</summary>
    public TrackVectorOptions Vectors { get; set; } = new();

    /// <summary>Options of the recommender (weights, diversity, dislike weight...). Its arc length follows <see cref="Vectors"/>.</summary>
    public RecommenderOptions Recommender { get; set; } = new();

    /// <summary>Options of the journey planner (hand-over window and weights, search width).</summary>
    public JourneyPlannerOptions Journeys { get; set; } = new();

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(CatalogPath);
        Catalog.Validate();
        Vectors.Validate();
        Recommender.Validate();
        Journeys.Validate();
        if (Recommender.ArcLength != Vectors.ArcLength)
        {
            throw new ArgumentException($"Recommender.ArcLength ({Recommender.ArcLength}) and Vectors.ArcLength ({Vectors.ArcLength}) must agree.");
        }
    }
}
