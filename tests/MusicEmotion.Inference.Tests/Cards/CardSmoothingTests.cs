using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Inference.Tests.Cards;

public sealed class CardSmoothingTests
{
    private static ModelCard Card(SmoothingSpec? smoothing) => new()
    {
        Name = "test",
        Features = FeatureRecipe.CreateDefault(),
        Window = new WindowSpec { Seconds = 10 },
        Output = new ModelOutputSpec { Smoothing = smoothing },
    };

    [Fact]
    public void Smoothing_round_trips_through_json()
    {
        ModelCard card = Card(new SmoothingSpec { HalfWindowSeconds = 12, DeviationScale = [0.25, 0.5] });
        ModelCard back = ModelCard.FromJson(card.ToJson());
        back.Output.Smoothing!.HalfWindowSeconds.Should().Be(12);
        back.Output.Smoothing.DeviationScale.Should().Equal(0.25, 0.5);
        back.Smoothing.Should().Be(EmotionSmoothing.HalfWindow(12, 0.25, 0.5));
        ModelCard.FromJson(Card(null).ToJson()).Output.Smoothing.Should().BeNull();
    }

    [Theory]
    [InlineData(-1, 0.5, 0.5)]
    [InlineData(15, 1.5, 0.5)]
    [InlineData(15, 0.5, -0.1)]
    public void Invalid_smoothing_is_rejected(int half, double arousal, double valence)
    {
        ModelCard card = Card(new SmoothingSpec { HalfWindowSeconds = half, DeviationScale = [arousal, valence] });
        Action parse = () => ModelCard.FromJson(card.ToJson(), "my.card.json");
        parse.Should().Throw<EmotionModelException>().WithMessage("my.card.json: output.smoothing*");
    }
}
