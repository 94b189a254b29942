using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tests.TestSupport;

namespace MusicEmotion.Recommend.Hnsw.Tests;

public sealed class HnswRecommenderTests
{
    [Fact]
    public async Task Above_the_threshold_the_recommender_searches_hnsw_and_agrees_with_exact_search()
    {
        using var catalog = new InMemoryTrackCatalog();
        for (int i = 0; i < 60; i++)
        {
            await catalog.AddAsync(TestTracks.Make($"track {i}", TestTracks.Sound(700 + i, 12), TestTracks.Ramp((i % 5) / 10f, -(i % 3) / 10f)));
        }

        string anchor = (await catalog.ListAsync(0, 1)).Items[0].Id;
        using var exact = new Recommender(catalog, TestTracks.Model, TestTracks.Version);
        using var approximate = new Recommender(catalog, TestTracks.Model, TestTracks.Version, new RecommenderOptions().UseHnswIndex(threshold: 50));
        using var small = new Recommender(catalog, TestTracks.Model, TestTracks.Version, new RecommenderOptions().UseHnswIndex(threshold: 61));

        RecommendationResult fromExact = await exact.SimilarAsync(anchor, 10);
        RecommendationResult fromHnsw = await approximate.SimilarAsync(anchor, 10);
        RecommendationResult belowThreshold = await small.SimilarAsync(anchor, 10);

        fromExact.SearchKind.Should().Be("exact");
        belowThreshold.SearchKind.Should().Be("exact");
        fromHnsw.SearchKind.Should().Be("hnsw");
        fromHnsw.Items.Select(r => r.TrackId).Should().Equal(fromExact.Items.Select(r => r.TrackId));
        fromHnsw.Items.Select(r => r.Score).Should().Equal(fromExact.Items.Select(r => r.Score), (a, b) => Math.Abs(a - b) < 1e-5);

        await catalog.AddAsync(TestTracks.Make("newcomer", TestTracks.Sound(700, 12), TestTracks.Ramp(0, 0)));
        RecommendationResult after = await approximate.SimilarAsync(anchor, 3);
        after.SearchKind.Should().Be("hnsw");
        after.SearchedTracks.Should().Be(61);
        after.Items[0].SourceName.Should().Be("newcomer", "the new track, with the anchor's sound, was added to the index in place");
    }
}
