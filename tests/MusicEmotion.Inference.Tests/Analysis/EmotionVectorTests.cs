using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference.Tests.Analysis;

public class EmotionVectorTests
{
    [Fact]
    public void Default_length_is_180_values_per_dimension()
    {
        var vector = EmotionVector.From(TestTimelines.Constant(0.2f, -0.3f, 250));

        vector.Length.Should().Be(180);
        vector.Arousal.Should().HaveCount(180).And.OnlyContain(v => Math.Abs(v - 0.2f) < 1e-6f);
        vector.Valence.Should().HaveCount(180).And.OnlyContain(v => Math.Abs(v + 0.3f) < 1e-6f);
    }

    [Fact]
    public void Concatenated_holds_arousal_then_valence()
    {
        var timeline = TestTimelines.Of(TestTimelines.Ramp(0f, 0.9f, 10), TestTimelines.Ramp(-0.9f, 0f, 10));
        var vector = EmotionVector.From(timeline, 5);

        float[] concatenated = vector.ToConcatenated();

        concatenated.Should().HaveCount(10);
        concatenated.Take(5).Should().Equal(vector.Arousal);
        concatenated.Skip(5).Should().Equal(vector.Valence);
        concatenated[0].Should().BeApproximately(0.05f, 1e-6f); // mean of the first two arousal values 0 and 0.1
        concatenated[5].Should().BeApproximately(-0.85f, 1e-6f);
    }

    [Fact]
    public void Single_second_timeline_gives_a_constant_vector()
    {
        var vector = EmotionVector.From(TestTimelines.Constant(-0.6f, 0.4f, 1), 30);

        vector.Arousal.Should().HaveCount(30).And.OnlyContain(v => v == -0.6f);
        vector.Valence.Should().HaveCount(30).And.OnlyContain(v => v == 0.4f);
    }

    [Fact]
    public void Empty_timeline_is_rejected()
    {
        var empty = new EmotionTimeline(Array.Empty<float>(), Array.Empty<float>(), 0);

        FluentActions.Invoking(() => EmotionVector.From(empty)).Should().Throw<ArgumentException>().WithMessage("*empty emotion timeline*");
    }
}
