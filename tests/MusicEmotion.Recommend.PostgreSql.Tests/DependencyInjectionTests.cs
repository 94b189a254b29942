using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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

    [Fact]
    public async Task Registration_and_resolution_do_not_touch_the_server_and_the_first_call_reports_it_unreachable()
    {
        var services = new ServiceCollection().AddMusicEmotionPostgresCatalog("Host=127.0.0.1;Port=1;Username=mer;Timeout=2");
        await using ServiceProvider provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<PostgresTrackCatalog>(); // no connection yet: nothing blocks

        CatalogException error = (await FluentActions.Awaiting(() => catalog.CountAsync()).Should().ThrowAsync<CatalogException>()).Which;
        error.Kind.Should().Be(MusicEmotionErrorKind.Environment);
        error.Message.Should().Contain("cannot reach the PostgreSQL server");
    }

    [Fact]
    public async Task Invalid_options_fail_when_the_host_starts_with_the_options_message()
    {
        var services = new ServiceCollection().AddMusicEmotionPostgresCatalog("Host=db;Username=mer", o => o.Schema = "Bad-Name");
        await using ServiceProvider provider = services.BuildServiceProvider();

        FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Should().Throw<OptionsValidationException>().WithMessage("*not a plain PostgreSQL name*");
        FluentActions.Invoking(() => provider.GetRequiredService<IOptions<PostgresCatalogOptions>>().Value)
            .Should().Throw<OptionsValidationException>();
    }
}
