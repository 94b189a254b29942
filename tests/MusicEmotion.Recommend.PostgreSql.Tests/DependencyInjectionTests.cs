using Microsoft.Extensions.DependencyInjection;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.PostgreSql.Jobs;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tests.TestSupport;

namespace MusicEmotion.Recommend.PostgreSql.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DependencyInjectionTests(PostgresServer server)
{
    [SkippableFact]
    public async Task The_recommender_of_a_host_uses_the_shared_catalog()
    {
        server.Require();
        string database = server.CreateDatabase();
        var services = new ServiceCollection()
            .AddMusicEmotionPostgresCatalog(database, o => o.Schema = "music")
            .AddMusicEmotionRecommendations();
        await using ServiceProvider provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<ITrackCatalog>();
        catalog.Should().BeSameAs(provider.GetRequiredService<PostgresTrackCatalog>());
        catalog.Name.Should().Contain("(schema music)");
        provider.GetRequiredService<AnalysisJobQueue>().Catalog.Should().BeSameAs(catalog);
        for (int i = 0; i < 12; i++)
        {
            await catalog.AddAsync(TestTracks.Make($"t{i}", TestTracks.Sound(i), TestTracks.Flat(i / 20f)));
        }

        var recommender = new Recommender(catalog, TestTracks.Model, TestTracks.Version);
        RecommendationResult result = await recommender.SimilarAsync((await catalog.ListAsync(0, 1)).Items[0].Id, 3);
        result.Items.Should().HaveCount(3);
        result.SearchKind.Should().Be("exact");
        provider.GetRequiredService<Recommender>().Should().NotBeNull();
    }
}
