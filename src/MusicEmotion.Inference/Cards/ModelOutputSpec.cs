namespace MusicEmotion.Inference.Cards;

/// <summary>The model's output tensor(s).</summary>
internal sealed record ModelOutputSpec
{
    /// <summary>One output name (a [batch, 2] tensor) or two (one per dimension, [batch] or [batch, 1]). Default ["arousal_valence"].</summary>
    public IReadOnlyList<string> Names { get; init; } = ["arousal_valence"];

    /// <summary>Which dimension each column (or each output) holds. Default [arousal, valence].</summary>
    public IReadOnlyList<EmotionDimension> Order { get; init; } = [EmotionDimension.Arousal, EmotionDimension.Valence];

    /// <summary>How raw outputs become values on [-1, 1].</summary>
    public OutputMapping Mapping { get; init; } = new();

    /// <summary>Where <paramref name="dimension"/> sits in <see cref="Order"/> (its column, output, mapping and smoothing index).</summary>
    /// <exception cref="EmotionModelException">The order lacks the dimension.</exception>
    public int IndexOf(EmotionDimension dimension)
    {
        for (int i = 0; i < Order.Count; i++)
        {
            if (Order[i] == dimension)
            {
                return i;
            }
        }

        throw new EmotionModelException($"output.order lacks {dimension}");
    }

    /// <summary>Optional temporal smoothing of the mapped per-second values; null leaves them as the model gives them.</summary>
    public SmoothingSpec? Smoothing { get; init; }
}
