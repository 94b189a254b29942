using System.Numerics.Tensors;
using MusicEmotion.Recommend.Tests.TestSupport;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tests.Vectors;

public sealed class TrackVectorSpaceTests
{
    private static readonly TrackVectorBlocks[] Catalog = Enumerable.Range(0, 30)
        .Select(i => TestTracks.Make($"t{i}", TestTracks.Sound(i, 55), TestTracks.Ramp(-0.8f + (i / 40f), 0.5f - (i / 50f)), TestTracks.Ramp(0.3f, -0.2f + (i / 60f))).Blocks)
        .ToArray();

    private static CatalogStatistics Statistics()
    {
        var builder = new CatalogStatisticsBuilder(TestTracks.Model, TestTracks.Version, TrackVectorOptions.DefaultArcLength);
        foreach (TrackVectorBlocks blocks in Catalog)
        {
            builder.Add(blocks);
        }

        return builder.Build();
    }

    [Fact]
    public void The_embedding_dot_product_is_the_weighted_sum_of_block_cosines()
    {
        var weights = new BlockWeights(2, 1, 1);
        var space = new TrackVectorSpace(Statistics(), weights);
        float[] a = space.Embed(Catalog[3]), b = space.Embed(Catalog[17]);

        double expected = 0;
        foreach (BlockSlice slice in space.Slices)
        {
            double cosine = space.BlockCosine(a, b, slice.Block);
            expected += slice.Weight * cosine;
            TensorPrimitives.Norm(a.AsSpan(slice.Offset, slice.Length)).Should().BeApproximately((float)Math.Sqrt(slice.Weight), 1e-5f);
        }

        space.Slices.Select(s => s.Weight).Should().Equal(0.5, 0.25, 0.25);
        TensorPrimitives.Dot(a, b).Should().BeApproximately((float)expected, 1e-5f);
        TensorPrimitives.Norm(a).Should().BeApproximately(1f, 1e-5f);
    }

    [Fact]
    public void Blocks_without_weight_are_left_out_of_the_vector()
    {
        CatalogStatistics statistics = Statistics();
        new TrackVectorSpace(statistics, BlockWeights.DescriptorsOnly).Dimension.Should().Be(55);
        new TrackVectorSpace(statistics, BlockWeights.EmotionArcOnly).Dimension.Should().Be(2 * TrackVectorOptions.DefaultArcLength);
        new TrackVectorSpace(statistics, new BlockWeights(1, 1, 1)).Dimension.Should().Be(55 + 12 + (2 * TrackVectorOptions.DefaultArcLength));
        FluentActions.Invoking(() => new TrackVectorSpace(statistics, new BlockWeights(0, 0, 0))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new TrackVectorSpace(statistics, new BlockWeights(1, -1, 0))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Statistics_hold_each_value_s_catalog_mean_and_spread()
    {
        CatalogStatistics statistics = Statistics();
        double[] first = Catalog.Select(b => (double)b.Descriptors[0]).ToArray();
        double mean = first.Average();
        double sd = Math.Sqrt(first.Average(v => (v - mean) * (v - mean)));

        statistics.TrackCount.Should().Be(Catalog.Length);
        statistics.Descriptors.Mean[0].Should().BeApproximately((float)mean, 1e-5f);
        statistics.Descriptors.StandardDeviation[0].Should().BeApproximately((float)sd, 1e-5f);
        statistics.EmotionArc.Mean.Should().OnlyContain(m => m == 0, "arcs are centred per track");
        statistics.Descriptors.StandardDeviation[54].Should().BeGreaterThan(0, "a constant value gets a floor, not a zero divisor");
    }

    [Fact]
    public void An_arc_of_another_length_is_refused_until_rebuilt_from_the_timeline()
    {
        var space = new TrackVectorSpace(Statistics(), BlockWeights.Default);
        TrackRecord track = TestTracks.Make("short arc", TestTracks.Sound(1, 55), TestTracks.Ramp(0, 1), arcLength: 8);

        FluentActions.Invoking(() => space.Embed(track.Blocks)).Should().Throw<ArgumentException>().WithMessage("*arc*");
        space.Embed(track.BlocksWithArcLength(TrackVectorOptions.DefaultArcLength)).Should().HaveCount(space.Dimension);
    }

    [Fact]
    public void The_arc_block_holds_the_shape_of_the_curves_not_their_level()
    {
        TrackRecord low = TestTracks.Make("low", [], TestTracks.Ramp(-0.9f, -0.5f));
        TrackRecord high = TestTracks.Make("high", [], TestTracks.Ramp(0.4f, 0.8f));

        low.Blocks.EmotionArc.Take(TrackVectorOptions.DefaultArcLength).Sum().Should().BeApproximately(0, 1e-4f);
        low.Blocks.EmotionArc.Should().Equal(high.Blocks.EmotionArc, (x, y) => Math.Abs(x - y) < 1e-5);
        low.Blocks.EmotionStatistics[0].Should().BeApproximately(-0.7f, 1e-4f);
        high.Blocks.EmotionStatistics[0].Should().BeApproximately(0.6f, 1e-4f);
    }

    [Fact]
    public void Weights_parse_from_text()
    {
        BlockWeights.Parse("descriptors=0.5, emotion=0.25,arc=0.25").Should().Be(new BlockWeights(0.5, 0.25, 0.25));
        BlockWeights.Parse("emotion=1").Should().Be(BlockWeights.EmotionStatisticsOnly);
        FluentActions.Invoking(() => BlockWeights.Parse("tempo=1")).Should().Throw<FormatException>();
        FluentActions.Invoking(() => BlockWeights.Parse("emotion=abc")).Should().Throw<FormatException>();
        FluentActions.Invoking(() => BlockWeights.Parse("emotion=0")).Should().Throw<FormatException>();
    }
}
