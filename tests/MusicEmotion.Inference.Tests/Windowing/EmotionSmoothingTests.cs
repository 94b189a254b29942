using MusicEmotion.Inference.Cards;
using MusicEmotion.Inference.Windowing;

namespace MusicEmotion.Inference.Tests.Windowing;

public sealed class EmotionSmoothingTests
{
    private static ModelCard Card(TemporalSmoothing? smoothing, IReadOnlyList<EmotionDimension>? order = null) => new()
    {
        Name = "test",
        Features = DefaultFeatureRecipe.Create(),
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
        foreach (ArousalValence v in values)
        {
            smoother.Add(v, collector);
        }

        smoother.Complete(collector);
        EmotionTimeline t = collector.ToTimeline(values.Length);
        return Enumerable.Range(0, t.Count).Select(i => t[i]).ToArray();
    }

    [Theory]
    [InlineData("none", SmoothingKind.None, 0)]
    [InlineData("NONE", SmoothingKind.None, 0)]
    [InlineData("card", SmoothingKind.Card, 0)]
    [InlineData(" 3 ", SmoothingKind.Window, 3)]
    [InlineData("0", SmoothingKind.Window, 0)]
    [InlineData("600", SmoothingKind.Window, 600)]
    public void Parses_none_card_and_half_windows(string text, SmoothingKind kind, int half)
    {
        EmotionSmoothing s = EmotionSmoothing.Parse(text);
        (s.Kind, s.HalfWindowSeconds).Should().Be((kind, half));
        EmotionSmoothing.Parse(s.ToString()).Should().Be(s, "ToString writes what Parse reads");
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("601")]
    [InlineData("smooth")]
    [InlineData("99999999999999")]
    public void Rejects_anything_else_with_a_clear_message(string text)
    {
        Action parse = () => EmotionSmoothing.Parse(text);
        parse.Should().Throw<FormatException>().WithMessage("*none, card or a half-window*");
    }

    [Fact]
    public void Half_window_is_range_checked()
    {
        ((Action)(() => EmotionSmoothing.HalfWindow(-1))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => EmotionSmoothing.HalfWindow(601))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void None_and_a_zero_half_window_leave_the_values_alone_even_when_the_card_smooths()
    {
        ModelCard card = Card(new TemporalSmoothing { HalfWindowSeconds = 5, DeviationScale = [0, 0] });
        EmotionSmoothing.None.CreateSmoother(card).Should().BeNull();
        EmotionSmoothing.HalfWindow(0).CreateSmoother(card).Should().BeNull();
    }

    [Fact]
    public void Card_follows_the_cards_smoothing_per_dimension_and_is_none_without_one()
    {
        ArousalValence[] values = Ramp(40);
        // The card lists valence first: its first deviation scale is valence's.
        ModelCard card = Card(new TemporalSmoothing { HalfWindowSeconds = 4, DeviationScale = [0.5, 0.25] }, [EmotionDimension.Valence, EmotionDimension.Arousal]);

        ArousalValence[] smoothed = Run(EmotionSmoothing.Card.CreateSmoother(card), values);

        smoothed.Should().Equal(TemporalSmoother.Apply(values, 4, arousalScale: 0.25, valenceScale: 0.5));
        EmotionSmoothing.Card.CreateSmoother(Card(null)).Should().BeNull();
    }

    [Fact]
    public void A_half_window_is_a_centred_moving_average_whatever_the_card_says()
    {
        ArousalValence[] values = Ramp(25);
        ModelCard card = Card(new TemporalSmoothing { HalfWindowSeconds = 15, DeviationScale = [1, 1] });

        ArousalValence[] smoothed = Run(EmotionSmoothing.HalfWindow(2).CreateSmoother(card), values);

        for (int i = 0; i < values.Length; i++)
        {
            var around = values.Skip(Math.Max(0, i - 2)).Take(Math.Min(values.Length, i + 3) - Math.Max(0, i - 2)).ToArray();
            smoothed[i].Arousal.Should().BeApproximately(around.Average(v => v.Arousal), 1e-6f);
            smoothed[i].Valence.Should().BeApproximately(around.Average(v => v.Valence), 1e-6f);
        }
    }
}
