using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Search;
using MusicEmotion.Recommend.Tests.TestSupport;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tests.Recommending;

/// <summary>How the recommender chooses and maintains its index: exact below a size, approximate above, updated in place.</summary>
public sealed class RecommenderIndexTests
{
    private static async Task<InMemoryTrackCatalog> CatalogOf(int count)
    {
        var catalog = new InMemoryTrackCatalog();
        for (int i = 0; i < count; i++)
        {
            await catalog.AddAsync(TestTracks.Make($"track {i}", TestTracks.Sound(500 + i, 8), TestTracks.Flat(((i % 7) - 3) / 10f)));
        }

        return catalog;
    }

    [Fact]
    public async Task Exact_search_below_the_threshold_and_the_approximate_index_from_it_on()
    {
        using InMemoryTrackCatalog catalog = await CatalogOf(30);
        var made = new List<CountingIndex>();
        var options = new RecommenderOptions
        {
            Weights = BlockWeights.DescriptorsOnly,
            ApproximateSearchThreshold = 32,
            CreateApproximateIndex = dimension =>
            {
                var index = new CountingIndex(dimension);
                made.Add(index);
                return index;
            },
        };
        using var recommender = new Recommender(catalog, TestTracks.Model, TestTracks.Version, options);
        string first = (await catalog.ListAsync(0, 1)).Items[0].Id;

        RecommendationResult small = await recommender.SimilarAsync(first, 5);
        await catalog.AddAsync(TestTracks.Make("track 30", TestTracks.Sound(530, 8), TestTracks.Flat(0.1f)));
        await catalog.AddAsync(TestTracks.Make("track 31", TestTracks.Sound(531, 8), TestTracks.Flat(0.2f)));
        RecommendationResult large = await recommender.SimilarAsync(first, 5);

        small.SearchKind.Should().Be("exact");
        large.SearchKind.Should().Be("counting");
        large.SearchedTracks.Should().Be(32);
        made.Should().HaveCount(2, "one index per similarity kind");
        made.Should().OnlyContain(i => i.Count == 32);
    }

    [Fact]
    public async Task Added_and_removed_tracks_update_the_index_in_place_until_the_statistics_are_recomputed()
    {
        using InMemoryTrackCatalog catalog = await CatalogOf(50);
        var made = new List<CountingIndex>();
        var options = new RecommenderOptions
        {
            Weights = BlockWeights.DescriptorsOnly,
            ApproximateSearchThreshold = 1,
            StatisticsRefreshFraction = 0.1,
            CreateApproximateIndex = dimension =>
            {
                var index = new CountingIndex(dimension);
                made.Add(index);
                return index;
            },
        };
        using var recommender = new Recommender(catalog, TestTracks.Model, TestTracks.Version, options);
        TrackRecord anchor = (await catalog.ListAsync(0, 1)).Items[0];
        await recommender.RefreshAsync();
        made.Should().HaveCount(2);
        int addsAfterBuild = made[0].Adds;

        TrackRecord twin = TestTracks.Make("twin of the anchor", anchor.Descriptors.Values.ToArray(), TestTracks.Flat(0f));
        await catalog.AddAsync(twin);
        string removed = (await catalog.ListAsync(10, 1)).Items[0].Id;
        await catalog.RemoveAsync(removed);
        RecommendationResult result = await recommender.SimilarAsync(anchor.Id, 50);

        made.Should().HaveCount(2, "the indexes were updated, not rebuilt");
        made[0].Adds.Should().Be(addsAfterBuild + 1, "only the new track was embedded and added");
        made[0].Count.Should().Be(50);
        result.Items[0].TrackId.Should().Be(twin.Id);
        result.Items.Select(r => r.TrackId).Should().NotContain(removed).And.OnlyHaveUniqueItems();
        result.SearchedTracks.Should().Be(50);

        for (int i = 0; i < 6; i++)
        {
            await catalog.AddAsync(TestTracks.Make($"growth {i}", TestTracks.Sound(900 + i, 8), TestTracks.Flat(0.3f)));
        }

        (await recommender.SimilarAsync(anchor.Id, 5)).SearchedTracks.Should().Be(56);
        made.Should().HaveCount(4, "moving more than 10 % recomputed the statistics, so every vector changed and the indexes were rebuilt");
    }

    /// <summary>An exact index that says it is another kind and counts its additions.</summary>
    private sealed class CountingIndex(int dimension) : IVectorIndex
    {
        private readonly ExactVectorIndex _inner = new(dimension);

        public int Adds { get; private set; }

        public string Kind => "counting";

        public int Dimension => _inner.Dimension;

        public int Count => _inner.Count;

        public void Add(long key, ReadOnlySpan<float> vector)
        {
            Adds++;
            _inner.Add(key, vector);
        }

        public bool Remove(long key) => _inner.Remove(key);

        public bool TryGetVector(long key, Span<float> destination) => _inner.TryGetVector(key, destination);

        public int Search(ReadOnlySpan<float> query, Span<VectorMatch> results, Func<long, bool>? accept = null) => _inner.Search(query, results, accept);

        public void Dispose() => _inner.Dispose();
    }
}
