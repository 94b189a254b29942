namespace MusicEmotion.Inference.Cards;

/// <summary>
/// The card's <c>output.smoothing</c> as written: a half-window and one deviation scale per dimension in
/// <see cref="ModelOutputSpec.Order"/>. Hosts see it as the <see cref="EmotionSmoothing"/> it proposes
/// (<see cref="ModelCard.Smoothing"/>).
/// </summary>
internal sealed record SmoothingSpec
{
    /// <summary>Seconds on each side of the local mean window (the analyser reports a second this much later).</summary>
    public int HalfWindowSeconds { get; init; } = 15;

    /// <summary>Per dimension, the factor in [0, 1] applied to deviations from the local mean (1 = no smoothing).</summary>
    public IReadOnlyList<double> DeviationScale { get; init; } = [1.0, 1.0];

    /// <summary>The smoothing this proposes, its scales taken from the card's column <paramref name="order"/>.</summary>
    public EmotionSmoothing ToSmoothing(ModelOutputSpec order) => EmotionSmoothing.HalfWindow(HalfWindowSeconds,
        DeviationScale[order.IndexOf(EmotionDimension.Arousal)], DeviationScale[order.IndexOf(EmotionDimension.Valence)]);

    /// <summary>The card form of <paramref name="smoothing"/> (a half-window), its scales in the card's column <paramref name="order"/>.</summary>
    public static SmoothingSpec From(EmotionSmoothing smoothing, ModelOutputSpec order)
    {
        double[] scales = new double[2];
        scales[order.IndexOf(EmotionDimension.Arousal)] = smoothing.ArousalDeviationScale;
        scales[order.IndexOf(EmotionDimension.Valence)] = smoothing.ValenceDeviationScale;
        return new SmoothingSpec { HalfWindowSeconds = smoothing.HalfWindowSeconds, DeviationScale = scales };
    }

    internal void Validate(string sourceName)
    {
        if (HalfWindowSeconds is < 0 or > EmotionSmoothing.MaxHalfWindowSeconds || DeviationScale is null || DeviationScale.Count != 2 || DeviationScale.Any(v => !(v >= 0 && v <= 1)))
        {
            throw new EmotionModelException($"{sourceName}: output.smoothing needs halfWindowSeconds in 0..600 and two deviationScale values in [0, 1]");
        }
    }
}
