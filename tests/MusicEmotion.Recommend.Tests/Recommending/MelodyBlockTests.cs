using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tests.TestSupport;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tests.Recommending;

/// <summary>The melody block in the recommender: default weights per model, similarity, explanations, old rows.</summary>
public sealed class MelodyBlockTests
{
    private static async Task<InMemoryTrackCatalog> CatalogWith(bool melody, params TrackRecord[] named)
    {
        var catalog = new InMemoryTrackCatalog();
        for (int i = 0; i < 40; i++)
        {
            float[] sound = [.. TestTracks.Sound(100 + i, 8).Select(v => v * 0.3f)];
            await catalog.AddAsync(TestTracks.Make($"filler {i}", sound, TestTracks.Flat(((i % 9) - 4) / 10f), melody: melody ? TestTracks.Melody(100 + i) : null));
        }

        foreach (TrackRecord track in named)
        {
            await catalog.AddAsync(track);
        }

        return catalog;
    }

    [Fact]
    public async Task Tracks_with_a_melody_block_get_the_melody_default_and_tracks_without_keep_the_old_one()
    {
        using var withMelody = new Recommender(await CatalogWith(melody: true), TestTracks.Model, TestTracks.Version);
        using var without = new Recommender(await CatalogWith(melody: false), TestTracks.Model, TestTracks.Version);
        string first = TrackId.Compute(System.Text.Encoding.UTF8.GetBytes("filler 0"));

        RecommendationResult melodic = await withMelody.SimilarAsync(first, 3);
        RecommendationResult plain = await without.SimilarAsync(first, 3);

        melodic.Items[0].Blocks.Select(b => (b.Block, Math.Round(b.Weight, 6))).Should().Equal(
            (VectorBlock.Descriptors, 0.3), (VectorBlock.EmotionStatistics, 0.5), (VectorBlock.Melody, 0.2));
        plain.Items[0].Blocks.Select(b => (b.Block, Math.Round(b.Weight, 6))).Should().Equal(
            (VectorBlock.Descriptors, 0.6), (VectorBlock.EmotionStatistics, 0.4));
    }

    [Fact]
    public async Task The_melody_block_ranks_the_same_melody_first_and_the_explanation_says_what_is_alike_and_what_differs()
    {
        float[] melody = TestTracks.Melody(7);
        float[] higher = [.. melody];
        higher[0] += 3; // the mean pitch, far above the catalog's spread (random values on [0, 1))
        float[] sound = [.. TestTracks.Sound(7, 8).Select(v => v * 0.3f)];
        TrackRecord liked = TestTracks.Make("liked", sound, TestTracks.Flat(0.1f), melody: melody);
        TrackRecord same = TestTracks.Make("same melody", [.. TestTracks.Sound(8, 8).Select(v => v * 0.3f)], TestTracks.Flat(-0.3f), melody: melody);
        TrackRecord high = TestTracks.Make("higher melody", [.. TestTracks.Sound(9, 8).Select(v => v * 0.3f)], TestTracks.Flat(0.4f), melody: higher);
        using var recommender = new Recommender(await CatalogWith(true, liked, same, high), TestTracks.Model, TestTracks.Version,
            new RecommenderOptions { Weights = new BlockWeights(0, 0, 0, 1) });

        RecommendationResult result = await recommender.SimilarAsync(liked.Id, 43);

        result.Items[0].SourceName.Should().Be("same melody");
        result.Items[0].Blocks.Should().ContainSingle().Which.Cosine.Should().BeApproximately(1, 1e-5);
        result.Items[0].Explanation.Should().Contain("similar melodic range, register and contour");
        result.Items.Single(r => r.SourceName == "higher melody").Explanation.Should().Contain("a higher melody").And.NotContain("register");
    }

    [Fact]
    public void Weights_parse_and_print_the_melody_block_and_a_space_without_its_statistics_leaves_it_out()
    {
        BlockWeights weights = BlockWeights.Parse("descriptors=0.3,emotion=0.5,melody=0.2");
        weights.Should().Be(BlockWeights.DefaultWithMelody);
        weights.ToString().Should().Be("descriptors=0.3,emotion=0.5,arc=0,melody=0.2");
        BlockWeights.Default.ToString().Should().Be("descriptors=0.6,emotion=0.4,arc=0");

        var builder = new CatalogStatisticsBuilder(TestTracks.Model, TestTracks.Version, TrackVectorOptions.DefaultArcLength);
        builder.Add(TestTracks.Make("a", TestTracks.Sound(1), TestTracks.Ramp(0, 1)).Blocks);
        builder.Add(TestTracks.Make("b", TestTracks.Sound(2), TestTracks.Ramp(1, 0)).Blocks);
        CatalogStatistics audioOnly = builder.Build();
        audioOnly.Melody.Should().BeNull();
        BlockWeights.DefaultFor(audioOnly).Should().Be(BlockWeights.Default);

        var space = new TrackVectorSpace(audioOnly, BlockWeights.DefaultWithMelody);
        space.Dimension.Should().Be(TrackVectorBlocks.EmotionStatisticNames.Count + Features.Descriptors.TrackDescriptors.Names.Count);
        FluentActions.Invoking(() => new TrackVectorSpace(audioOnly, new BlockWeights(0, 0, 0, 1))).Should().Throw<ArgumentException>().WithMessage("*melody*");
    }

    [Fact]
    public void The_block_is_the_mean_then_the_spread_of_every_column_over_the_seconds()
    {
        int width = TrackVectorBlocks.MelodyColumns.Count;
        float[] seconds = new float[3 * width];
        for (int c = 0; c < width; c++)
        {
            (seconds[c], seconds[width + c], seconds[(2 * width) + c]) = (c, c + 3, c + 6); // mean c + 3, population spread √6
        }

        float[] block = TrackVectorBlocks.MelodyOf(seconds);

        block.Take(width).Should().Equal(Enumerable.Range(0, width).Select(c => (float)(c + 3)));
        block.Skip(width).Should().OnlyContain(s => Math.Abs(s - Math.Sqrt(6)) < 1e-5);
        TrackVectorBlocks.MelodyOf([]).Should().HaveCount(2 * width).And.OnlyContain(v => v == 0);
        FluentActions.Invoking(() => TrackVectorBlocks.MelodyOf(new float[width + 1])).Should().Throw<ArgumentException>();
    }
}
