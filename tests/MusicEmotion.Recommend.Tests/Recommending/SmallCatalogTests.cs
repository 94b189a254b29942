using MusicEmotion.Features.Descriptors;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tests.Recommending;

/// <summary>
/// Libraries of 2, 3 and 10 songs of the shipped model: the reference statistics make their similarities meaningful
/// (a near-duplicate scores high, an unrelated song near the middle), the descriptor-nearest song comes first, every
/// score is on [0, 1] and explanations never call a far song close.
/// </summary>
public sealed class SmallCatalogTests
{
    private static readonly CatalogStatistics Reference = ReferenceStatistics.Shipped;

    /// <summary>A song drawn from the reference distribution: every descriptor the reference mean plus <paramref name="z"/> spreads.</summary>
    private static TrackRecord Song(string name, float[] z, float arousal, float valence)
    {
        var values = new float[TrackDescriptors.Names.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Reference.Descriptors.Mean[i] + (z[i] * Reference.Descriptors.StandardDeviation[i]);
        }

        var descriptors = new TrackDescriptors(values, new MusicalKey(0, MusicalMode.Major, 0.6));
        var random = new Random(name.GetHashCode(StringComparison.Ordinal));
        float[] a = Enumerable.Range(0, 60).Select(i => arousal + (0.05f * (float)Math.Sin(i / 5.0)) + (0.02f * (float)random.NextDouble())).ToArray();
        float[] v = Enumerable.Range(0, 60).Select(i => valence + (0.05f * (float)Math.Cos(i / 7.0)) + (0.02f * (float)random.NextDouble())).ToArray();
        var timeline = new EmotionTimeline(a, v, 60);
        return new TrackRecord
        {
            Id = TrackId.Compute(System.Text.Encoding.UTF8.GetBytes(name)),
            SourceName = name,
            DurationSeconds = 60,
            ModelName = Reference.ModelName,
            ModelVersion = Reference.ModelVersion,
            Timeline = timeline,
            Descriptors = descriptors,
            Blocks = TrackVectorBlocks.From(descriptors, timeline, TrackVectorOptions.DefaultArcLength),
            Description = name,
        };
    }

    private static float[] Draw(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, TrackDescriptors.Names.Count)
            .Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))
            .ToArray();
    }

    private static float[] Near(float[] z, int seed, float distance)
    {
        float[] step = Draw(seed);
        return z.Select((value, i) => value + (distance * step[i])).ToArray();
    }

    /// <summary>The query, a song close to it in sound, and <paramref name="others"/> unrelated songs (all with the same mood).</summary>
    private static async Task<(Recommender Recommender, TrackRecord Query, TrackRecord Nearest)> LibraryAsync(int others, float nearDistance = 0.25f)
    {
        float[] z = Draw(1);
        TrackRecord query = Song("query", z, 0.3f, 0.2f);
        TrackRecord nearest = Song("near in sound", Near(z, 2, nearDistance), 0.32f, 0.18f);
        var catalog = new InMemoryTrackCatalog();
        await catalog.AddAsync(query);
        await catalog.AddAsync(nearest);
        for (int i = 0; i < others; i++)
        {
            await catalog.AddAsync(Song($"other {i}", Draw(100 + i), 0.3f + (0.01f * i), 0.2f - (0.01f * i)));
        }

        return (new Recommender(catalog, Reference.ModelName, Reference.ModelVersion), query, nearest);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    public async Task The_descriptor_nearest_song_comes_first_with_scores_on_zero_to_one(int songs)
    {
        (Recommender recommender, TrackRecord query, TrackRecord nearest) = await LibraryAsync(songs - 2);
        using Recommender _ = recommender;

        RecommendationResult result = await recommender.SimilarAsync(query.Id, k: 10);

        result.Items.Should().HaveCount(songs - 1);
        result.Items[0].TrackId.Should().Be(nearest.Id);
        result.Items.Should().OnlyContain(r => r.Score >= 0 && r.Score <= 1 && r.Relevance >= 0 && r.Relevance <= 1);
        result.Items.Select(r => r.Score).Should().BeInDescendingOrder();
        result.Items[0].Relevance.Should().BeGreaterThan(0.85, "a song a quarter of a spread away in every descriptor, with the same mood, is a close match");
        result.Items[0].Explanation.Should().NotContain("not a close match");
        foreach (Recommendation other in result.Items.Skip(1))
        {
            other.Relevance.Should().BeInRange(0.3, 0.75, "an unrelated song of the same mood is neither opposite nor identical");
        }
    }

    [Fact]
    public async Task With_two_songs_the_score_says_how_alike_they_are()
    {
        (Recommender close, TrackRecord closeQuery, _) = await LibraryAsync(0, nearDistance: 0.2f);
        (Recommender far, TrackRecord farQuery, _) = await LibraryAsync(0, nearDistance: 2.5f);
        using Recommender a = close, b = far;

        Recommendation twin = (await close.SimilarAsync(closeQuery.Id)).Items.Single();
        Recommendation stranger = (await far.SimilarAsync(farQuery.Id)).Items.Single();

        twin.Score.Should().BeGreaterThan(0.85);
        stranger.Score.Should().BeLessThan(twin.Score - 0.2);
        twin.Explanation.Should().NotContain("least far");
    }

    [Fact]
    public async Task A_far_song_in_a_small_library_is_called_the_least_far_never_close()
    {
        float[] z = Draw(5);
        TrackRecord query = Song("query", z, 0.6f, 0.5f);
        TrackRecord opposite = Song("opposite", z.Select(v => -v).ToArray(), -0.6f, -0.5f);
        var catalog = new InMemoryTrackCatalog();
        await catalog.AddAsync(query);
        await catalog.AddAsync(opposite);
        using var recommender = new Recommender(catalog, Reference.ModelName, Reference.ModelVersion);

        Recommendation only = (await recommender.SimilarAsync(query.Id)).Items.Single();

        only.Similarity.Should().BeLessThan(RecommendationExplainer.WeakSimilarity);
        only.Score.Should().BeInRange(0, 0.4);
        only.Explanation.Should().StartWith("not a close match").And.Contain("least far in a small library of 2 songs").And.NotContain("closest");
    }

    [Fact]
    public async Task Without_the_reference_two_songs_come_out_exactly_opposite()
    {
        // The reason for the blend: standardised only against each other, two songs are mirror images.
        float[] z = Draw(9);
        var catalog = new InMemoryTrackCatalog();
        TrackRecord query = Song("query", z, 0.3f, 0.2f);
        await catalog.AddAsync(query);
        await catalog.AddAsync(Song("twin", Near(z, 10, 0.2f), 0.31f, 0.2f));
        using var recommender = new Recommender(catalog, Reference.ModelName, Reference.ModelVersion, new RecommenderOptions { ReferenceStatistics = [] });

        Recommendation only = (await recommender.SimilarAsync(query.Id)).Items.Single();

        only.Similarity.Should().BeApproximately(-1, 0.01);
        only.Score.Should().BeApproximately(0, 0.01);
    }
}
