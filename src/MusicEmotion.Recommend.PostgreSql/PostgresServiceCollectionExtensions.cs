using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.PostgreSql.Jobs;

namespace MusicEmotion.Recommend.PostgreSql;

/// <summary>Registers the shared PostgreSQL catalog with Microsoft.Extensions.DependencyInjection.</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PostgresTrackCatalog"/> as the <see cref="ITrackCatalog"/> (call it before
    /// <c>AddMusicEmotionRecommendations</c>, which then uses it instead of SQLite) and its
    /// <see cref="AnalysisJobQueue"/>, both singletons. The catalog is opened (and its schema migrated) when first resolved.
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddMusicEmotionPostgresCatalog(configuration.GetConnectionString("music")!)
    ///         .AddMusicEmotionRecommendations(o => o.Recommender.UseHnswIndex());
    /// </code>
    /// </example>
    public static IServiceCollection AddMusicEmotionPostgresCatalog(this IServiceCollection services, string connectionString, Action<PostgresCatalogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new PostgresCatalogOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(_ => PostgresTrackCatalog.OpenAsync(connectionString, options).GetAwaiter().GetResult());
        services.TryAddSingleton<ITrackCatalog>(sp => sp.GetRequiredService<PostgresTrackCatalog>());
        services.TryAddSingleton(sp => new AnalysisJobQueue(sp.GetRequiredService<PostgresTrackCatalog>()));
        return services;
    }
}
