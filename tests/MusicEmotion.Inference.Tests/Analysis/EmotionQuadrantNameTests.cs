using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference.Tests.Analysis;

public sealed class EmotionQuadrantNameTests
{
    [Theory]
    [InlineData(EmotionQuadrant.Q1, "happy/excited")]
    [InlineData(EmotionQuadrant.Q2, "angry/tense")]
    [InlineData(EmotionQuadrant.Q3, "sad/depressed")]
    [InlineData(EmotionQuadrant.Q4, "calm/relaxed")]
    public void Every_quadrant_has_a_plain_name(EmotionQuadrant quadrant, string name) => ArousalValence.QuadrantName(quadrant).Should().Be(name);

    [Fact]
    public void A_value_that_is_no_quadrant_is_refused()
    {
        Action name = () => ArousalValence.QuadrantName((EmotionQuadrant)7);

        name.Should().Throw<ArgumentOutOfRangeException>();
    }
}
