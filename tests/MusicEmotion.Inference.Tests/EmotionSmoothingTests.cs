using MusicEmotion.Inference.Cards;
using MusicEmotion.Inference.Prediction;

namespace MusicEmotion.Inference.Tests;

public sealed class EmotionSmoothingTests
{
    private static ModelCard Card(SmoothingSpec? smoothing, IReadOnlyList<EmotionDimension>? order = null) => new()
    {
        Name = "test",
        Features = FeatureRecipe.CreateDefault(),
        Window = new WindowSpec { Seconds = 10 },
        Output = new ModelOutputSpec { Smoothing = smoothing, Order = order ?? [EmotionDimension.Arousal, EmotionDimension.Valence] },
    };

    private static ArousalValence[] Ramp(int n) =>
        Enumerable.Range(0, n).Select(i => new ArousalValence(i % 3 == 0 ? 0.9f : -0.3f, (float)Math.Sin(i))).ToArray();

    private static ArousalValence[] Run(TemporalSmoother? smoother, ArousalValence[] values)
    {
        if (smoother is null)
        {
            return values;
        }

        var collector = new TimelineCollector();
        for (int i = 0; i < values.Length; i++)
        {
            smoother.Add(new EmotionFrame(i, values[i].Arousal, values[i].Valence), collector);
        }

        smoother.Complete(collector);
        EmotionTimeline t = collector.ToTimeline(values.Length);
        return Enumerable.Range(0, t.Count).Select(i => t[i]).ToArray();
    }

    [Theory]
    [InlineData("none", false, 0, 1.0, 1.0)]
    [InlineData("NONE", false, 0, 1.0, 1.0)]
    [InlineData("card", true, 0, 1.0, 1.0)]
    [InlineData(" 3 ", false, 3, 0.0, 0.0)]
    [InlineData("0", false, 0, 0.0, 0.0)]
    [InlineData("600", false, 600, 0.0, 0.0)]
    [InlineData("15:0.25,0.5", false, 15, 0.25, 0.5)]
    [InlineData("2:1,0", false, 2, 1.0, 0.0)]
    public void Parses_none_card_half_windows_and_scaled_half_windows(string text, bool followsCard, int half, double arousalScale, double valenceScale)
    {
        EmotionSmoothing s = EmotionSmoothing.Parse(text);
        (s.FollowsCard, s.HalfWindowSeconds, s.ArousalDeviationScale, s.ValenceDeviationScale).Should().Be((followsCard, half, arousalScale, valenceScale));
        EmotionSmoothing.Parse(s.ToString()).Should().Be(s, "ToString writes what Parse reads");
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("601")]
    [InlineData("smooth")]
    [InlineData("99999999999999")]
    [InlineData("15:0.5")]
    [InlineData("15:0.5,1.5")]
    [InlineData("15:a,b")]
    [InlineData("card:0.5,0.5")]
    public void Rejects_anything_else_with_a_clear_message(string text)
    {
        Action parse = () => EmotionSmoothing.Parse(text);
        parse.Should().Throw<FormatException>().WithMessage("*none, card, a half-window*");
    }

    [Fact]
    public void Half_window_is_range_checked()
    {
        ((Action)(() => EmotionSmoothing.HalfWindow(-1))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => EmotionSmoothing.HalfWindow(601))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => EmotionSmoothing.HalfWindow(5, -0.1, 0))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => EmotionSmoothing.HalfWindow(5, 0, double.NaN))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Apply_smooths_a_stored_timeline_as_the_streaming_analysis_does()
    {
        ArousalValence[] values = Ramp(30);
        var timeline = new EmotionTimeline(values.Select(v => v.Arousal).ToArray(), values.Select(v => v.Valence).ToArray(), 29.5);
        ModelCard card = Card(new SmoothingSpec { HalfWindowSeconds = 3, DeviationScale = [0.5, 0.25] });

        EmotionTimeline byCard = EmotionSmoothing.Card.Apply(timeline, card);

        Enumerable.Range(0, byCard.Count).Select(i => byCard[i]).Should().Equal(TemporalSmoother.Apply(values, 3, 0.5, 0.25));
        byCard.DurationSeconds.Should().Be(29.5);
        EmotionSmoothing.None.Apply(timeline, card).Should().BeSameAs(timeline);
    }

    [Fact]
    public void A_card_proposes_its_smoothing_as_a_half_window_with_the_scales_of_its_order()
    {
        ModelCard card = Card(new SmoothingSpec { HalfWindowSeconds = 4, DeviationScale = [0.5, 0.25] }, [EmotionDimension.Valence, EmotionDimension.Arousal]);

        card.Smoothing.Should().Be(EmotionSmoothing.HalfWindow(4, 0.25, 0.5));
        Card(null).Smoothing.Should().BeNull();
        (card with { Smoothing = EmotionSmoothing.HalfWindow(2, 1, 0) }).Output.Smoothing!.DeviationScale.Should().Equal(0, 1);
        FluentActions.Invoking(() => card with { Smoothing = EmotionSmoothing.Card }).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void None_and_a_zero_half_window_leave_the_values_alone_even_when_the_card_smooths()
    {
        ModelCard card = Card(new SmoothingSpec { HalfWindowSeconds = 5, DeviationScale = [0, 0] });
        EmotionSmoothing.None.CreateSmoother(card).Should().BeNull();
        EmotionSmoothing.HalfWindow(0).CreateSmoother(card).Should().BeNull();
    }

    [Fact]
    public void Card_follows_the_cards_smoothing_per_dimension_and_is_none_without_one()
    {
        ArousalValence[] values = Ramp(40);
        // The card lists valence first: its first deviation scale is valence's.
        ModelCard card = Card(new SmoothingSpec { HalfWindowSeconds = 4, DeviationScale = [0.5, 0.25] }, [EmotionDimension.Valence, EmotionDimension.Arousal]);

        ArousalValence[] smoothed = Run(EmotionSmoothing.Card.CreateSmoother(card), values);

        smoothed.Should().Equal(TemporalSmoother.Apply(values, 4, arousalScale: 0.25, valenceScale: 0.5));
        EmotionSmoothing.Card.CreateSmoother(Card(null)).Should().BeNull();
    }

    [Fact]
    public void A_half_window_is_a_centred_moving_average_whatever_the_card_says()
    {
        ArousalValence[] values = Ramp(25);
        ModelCard card = Card(new SmoothingSpec { HalfWindowSeconds = 15, DeviationScale = [1, 1] });

        ArousalValence[] smoothed = Run(EmotionSmoothing.HalfWindow(2).CreateSmoother(card), values);

        for (int i = 0; i < values.Length; i++)
        {
            var around = values.Skip(Math.Max(0, i - 2)).Take(Math.Min(values.Length, i + 3) - Math.Max(0, i - 2)).ToArray();
            smoothed[i].Arousal.Should().BeApproximately(around.Average(v => v.Arousal), 1e-6f);
            smoothed[i].Valence.Should().BeApproximately(around.Average(v => v.Valence), 1e-6f);
        }
    }
}
