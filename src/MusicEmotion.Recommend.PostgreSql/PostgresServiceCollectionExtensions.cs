using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.PostgreSql.Jobs;

namespace MusicEmotion.Recommend.PostgreSql;

/// <summary>Registers the shared PostgreSQL catalog with Microsoft.Extensions.DependencyInjection.</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PostgresTrackCatalog"/> as the <see cref="ITrackCatalog"/> (call it before
    /// <c>AddMusicEmotionRecommendations</c>, which then uses it instead of SQLite) and its
    /// <see cref="AnalysisJobQueue"/>, both singletons. The options (<c>IOptions&lt;PostgresCatalogOptions&gt;</c>) are
    /// validated when the host starts; the catalog contacts the server, creating or upgrading its schema, on first use
    /// (no blocking at registration or resolution).
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddMusicEmotionPostgresCatalog(configuration.GetConnectionString("music")!)
    ///         .AddMusicEmotionRecommendations(o => o.Recommender.UseHnswIndex());
    /// </code>
    /// </example>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    public static IServiceCollection AddMusicEmotionPostgresCatalog(this IServiceCollection services, string connectionString, Action<PostgresCatalogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddMusicEmotionOptions(configure, o => o.Validate());
        services.TryAddSingleton(sp => PostgresTrackCatalog.Create(connectionString, sp.GetRequiredService<IOptions<PostgresCatalogOptions>>().Value));
        services.TryAddSingleton<ITrackCatalog>(sp => sp.GetRequiredService<PostgresTrackCatalog>());
        services.TryAddSingleton(sp => new AnalysisJobQueue(sp.GetRequiredService<PostgresTrackCatalog>()));
        return services;
    }
}
