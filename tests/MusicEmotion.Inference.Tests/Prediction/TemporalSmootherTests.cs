
using MusicEmotion.Inference.Prediction;

namespace MusicEmotion.Inference.Tests.Prediction;

public sealed class TemporalSmootherTests
{
    private static ArousalValence[] Values(int n, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => new ArousalValence((float)(random.NextDouble() * 2 - 1), (float)(random.NextDouble() * 2 - 1))).ToArray();
    }

    private sealed class Collector : IEmotionSecondSink
    {
        public List<(int Second, ArousalValence Value)> Seen { get; } = [];

        public void OnSecond(in EmotionFrame frame) => Seen.Add((frame.Second, new ArousalValence(frame.Arousal, frame.Valence)));
    }

    [Fact]
    public void Scale_one_leaves_values_unchanged()
    {
        ArousalValence[] values = Values(40);
        TemporalSmoother.Apply(values, 15, 1.0, 1.0).Should().Equal(values);
    }

    [Fact]
    public void Scale_zero_gives_the_centred_mean_of_the_seconds_that_exist()
    {
        ArousalValence[] values = Values(10);
        ArousalValence[] smoothed = TemporalSmoother.Apply(values, 2, 0.0, 0.0);

        // Second 0 averages seconds 0..2; second 5 averages 3..7; second 9 averages 7..9. Tolerance 1e-6 (float sums).
        smoothed[0].Arousal.Should().BeApproximately(values[..3].Average(v => v.Arousal), 1e-6f);
        smoothed[5].Valence.Should().BeApproximately(values[3..8].Average(v => v.Valence), 1e-6f);
        smoothed[9].Arousal.Should().BeApproximately(values[7..].Average(v => v.Arousal), 1e-6f);
    }

    [Fact]
    public void Deviations_are_scaled_per_dimension_and_constants_stay_constant()
    {
        ArousalValence[] constant = Enumerable.Repeat(new ArousalValence(0.3f, -0.6f), 20).ToArray();
        TemporalSmoother.Apply(constant, 5, 0.2, 0.7).Should().OnlyContain(v => Math.Abs(v.Arousal - 0.3f) < 1e-6 && Math.Abs(v.Valence + 0.6f) < 1e-6);

        ArousalValence[] spike = Enumerable.Repeat(new ArousalValence(0f, 0f), 11).ToArray();
        spike[5] = new ArousalValence(1f, 1f);
        ArousalValence[] smoothed = TemporalSmoother.Apply(spike, 5, 0.5, 0.0);
        float mean = 1f / 11;
        smoothed[5].Arousal.Should().BeApproximately(mean + (0.5f * (1f - mean)), 1e-6f);
        smoothed[5].Valence.Should().BeApproximately(mean, 1e-6f);
    }

    [Fact]
    public void Streaming_releases_each_second_once_its_window_is_known_and_matches_the_whole_computation()
    {
        ArousalValence[] values = Values(50, seed: 7);
        ArousalValence[] whole = TemporalSmoother.Apply(values, 15, 0.25, 0.1);
        var smoother = new TemporalSmoother(15, 0.25, 0.1);
        var sink = new Collector();

        for (int i = 0; i < values.Length; i++)
        {
            smoother.Add(new EmotionFrame(i, values[i].Arousal, values[i].Valence), sink);
            sink.Seen.Count.Should().Be(Math.Max(0, i + 1 - 15), "second k is final once second k + 15 has arrived");
        }

        smoother.Complete(sink);

        sink.Seen.Select(s => s.Second).Should().Equal(Enumerable.Range(0, 50));
        sink.Seen.Select(s => s.Value).Should().Equal(whole);
    }

    [Fact]
    public void Short_timelines_and_a_zero_half_window_work()
    {
        TemporalSmoother.Apply(Values(1), 15, 0, 0).Should().Equal(Values(1));
        TemporalSmoother.Apply([], 15, 0, 0).Should().BeEmpty();
        ArousalValence[] values = Values(5);
        TemporalSmoother.Apply(values, 0, 0, 0).Should().Equal(values);
    }
}
