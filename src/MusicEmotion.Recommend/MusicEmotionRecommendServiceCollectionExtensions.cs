using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Journeys;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend;

/// <summary>Registers the recommendation services with Microsoft.Extensions.DependencyInjection.</summary>
public static class MusicEmotionRecommendServiceCollectionExtensions
{
    /// <summary>
    /// Adds the analyser (<c>AddMusicEmotion</c>, unless already added), an <see cref="ITrackCatalog"/> (SQLite at
    /// <see cref="MusicEmotionRecommendOptions.CatalogPath"/>, unless one is registered), <see cref="TrackAnalyzer"/>,
    /// <see cref="TrackImporter"/>, <see cref="Recommender"/>, <see cref="ITempoKeySource"/> (the stored estimates, unless one
    /// is registered) and <see cref="JourneyPlanner"/>, all singletons.
    /// </summary>
    public static IServiceCollection AddMusicEmotionRecommendations(this IServiceCollection services, Action<MusicEmotionRecommendOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(EmotionAnalyzer)))
        {
            services.AddMusicEmotion();
        }

        services.AddMusicEmotionOptions(configure, o => o.Validate());
        services.TryAddSingleton<ITrackCatalog>(sp =>
        {
            MusicEmotionRecommendOptions o = Options(sp);
            return SqliteTrackCatalog.Open(o.CatalogPath, o.Catalog);
        });
        services.TryAddSingleton(sp => new TrackAnalyzer(
            sp.GetRequiredService<EmotionAnalyzer>(),
            Options(sp).Vectors));
        services.TryAddSingleton(sp => new TrackImporter(sp.GetRequiredService<TrackAnalyzer>(), sp.GetRequiredService<ITrackCatalog>()));
        services.TryAddSingleton(sp =>
        {
            (ITrackCatalog catalog, string modelName, string modelVersion) = CatalogAndModel(sp);
            return new Recommender(catalog, modelName, modelVersion, Options(sp).Recommender, sp.GetRequiredService<ITempoKeySource>());
        });
        services.TryAddSingleton<ITempoKeySource>(DescriptorTempoKeySource.Default);
        services.TryAddSingleton(sp =>
        {
            (ITrackCatalog catalog, string modelName, string modelVersion) = CatalogAndModel(sp);
            return new JourneyPlanner(catalog, modelName, modelVersion, Options(sp).Journeys, sp.GetRequiredService<ITempoKeySource>());
        });
        return services;
    }

    private static MusicEmotionRecommendOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<MusicEmotionRecommendOptions>>().Value;

    /// <summary>The catalog, and the name and version of the model whose analyses it is searched with (the analyser first).</summary>
    private static (ITrackCatalog Catalog, string ModelName, string ModelVersion) CatalogAndModel(IServiceProvider services)
    {
        TrackAnalyzer analyzer = services.GetRequiredService<TrackAnalyzer>();
        return (services.GetRequiredService<ITrackCatalog>(), analyzer.ModelName, analyzer.ModelVersion);
    }
}
