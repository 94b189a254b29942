using MusicEmotion.Features.Aggregation;
using MusicEmotion.Features.Extraction;

namespace MusicEmotion.Features.Tests;

public class AggregationTests
{
    // sr = 10, hop = 4: frame t at t·0.4 s → seconds {0,0,0,1,1,2,2,2,3,3} for t = 0..9. Tolerance 1e-6.
    [Fact]
    public void Mean_and_std_per_second_on_a_constructed_matrix()
    {
        float[] data = new float[20];
        for (int t = 0; t < 10; t++)
        {
            data[2 * t] = t;
            data[(2 * t) + 1] = 5f;
        }

        var frames = new FeatureMatrix(10, 2, data, ["a", "b"], 2.5);
        FeatureMatrix seconds = PerSecondAggregator.Aggregate(frames, 10, 4);
        seconds.ColumnNames.Should().Equal("a_mean", "b_mean", "a_std", "b_std");
        seconds.Frames.Should().Be(4);
        seconds.FrameRate.Should().Be(1.0);
        float[][] expected =
        [
            [1f, 5f, (float)Math.Sqrt(2.0 / 3), 0f],
            [3.5f, 5f, 0.5f, 0f],
            [6f, 5f, (float)Math.Sqrt(2.0 / 3), 0f],
            [8.5f, 5f, 0.5f, 0f],
        ];
        for (int s = 0; s < 4; s++)
        {
            seconds.Row(s).ToArray().Should().BeEquivalentTo(expected[s], o => o.Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-6f)).WhenTypeIs<float>());
        }
    }

    [Fact]
    public void Streaming_aggregation_equals_whole_matrix_aggregation()
    {
        // Tolerance: exact.
        var extractor = new DescriptorExtractor();
        FeatureMatrix frames = extractor.Extract(FixtureFiles.GoldenSignal());
        FeatureMatrix whole = PerSecondAggregator.Aggregate(frames, extractor.Settings);

        var sink = new FeatureMatrixSink(2 * extractor.Width, PerSecondAggregator.OutputNames(extractor.FeatureNames), 1.0);
        var aggregator = new PerSecondAggregator(extractor.Width, 22050, 512, sink);
        IFeatureStream stream = extractor.CreateStream();
        stream.Push(FixtureFiles.GoldenSignal(), aggregator);
        stream.Complete(aggregator);
        aggregator.Complete();
        sink.ToMatrix().Data.Should().Equal(whole.Data);
        whole.Frames.Should().Be(2); // 87 frames: t·512/22050 < 2 for t ≤ 86
    }

    [Fact]
    public void Non_consecutive_frames_are_rejected()
    {
        var aggregator = new PerSecondAggregator(1, 10, 4, new FeatureMatrixSink(2, ["m", "s"], 1));
        aggregator.OnFrame(0, [1f]);
        FluentActions.Invoking(() => aggregator.OnFrame(2, [1f])).Should().Throw<ArgumentException>();
    }
}
