namespace MusicEmotion.Inference.Cards;

/// <summary>Per-dimension mapping of raw outputs to [-1, 1] (arrays in the order of <see cref="ModelOutputSpec.Order"/>).</summary>
internal sealed record OutputMapping
{
    /// <summary>The mapping function. Default affine.</summary>
    public OutputMappingKind Kind { get; init; } = OutputMappingKind.Affine;

    /// <summary>Scale per dimension. Default [1, 1].</summary>
    public IReadOnlyList<double> Scale { get; init; } = [1.0, 1.0];

    /// <summary>Offset per dimension. Default [0, 0].</summary>
    public IReadOnlyList<double> Offset { get; init; } = [0.0, 0.0];

    /// <summary>Maps raw output <paramref name="x"/> of dimension index <paramref name="index"/>.</summary>
    public float Apply(int index, float x)
    {
        double y = Offset[index] + Scale[index] * x;
        y = Kind == OutputMappingKind.Tanh ? Math.Tanh(y) : y;
        return (float)Math.Clamp(double.IsNaN(y) ? 0 : y, -1.0, 1.0);
    }

    internal void Validate(string sourceName)
    {
        if (Scale is null || Offset is null || Scale.Count != 2 || Offset.Count != 2
            || Scale.Concat(Offset).Any(v => !double.IsFinite(v)))
        {
            throw new EmotionModelException($"{sourceName}: output.mapping.scale and .offset must each hold two finite numbers");
        }
    }
}
