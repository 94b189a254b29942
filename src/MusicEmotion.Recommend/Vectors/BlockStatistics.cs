namespace MusicEmotion.Recommend.Vectors;

/// <summary>The catalog-wide mean and standard deviation of every value of one vector block, used to standardise it.</summary>
public sealed class BlockStatistics
{
    private readonly float[] _mean;
    private readonly float[] _standardDeviation;

    /// <summary>Creates statistics from per-value means and standard deviations.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or a value is not finite, or a deviation is not positive.</exception>
    public BlockStatistics(IReadOnlyList<float> mean, IReadOnlyList<float> standardDeviation)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(standardDeviation);
        if (mean.Count != standardDeviation.Count || mean.Count == 0)
        {
            throw new ArgumentException($"Block statistics need as many deviations as means (got {mean.Count} and {standardDeviation.Count}).");
        }

        if (!mean.All(float.IsFinite) || !standardDeviation.All(s => float.IsFinite(s) && s > 0))
        {
            throw new ArgumentException("Block statistics must be finite, with positive standard deviations.");
        }

        _mean = mean.ToArray();
        _standardDeviation = standardDeviation.ToArray();
    }

    /// <summary>Mean of every value.</summary>
    public IReadOnlyList<float> Mean => _mean;

    /// <summary>Standard deviation of every value (never 0: constant values get a tiny floor).</summary>
    public IReadOnlyList<float> StandardDeviation => _standardDeviation;

    /// <summary>Number of values in the block.</summary>
    public int Length => _mean.Length;

    /// <summary>Writes <c>(x − mean) / sd</c> for every value of <paramref name="values"/> into <paramref name="destination"/>.</summary>
    public void Standardise(ReadOnlySpan<float> values, Span<float> destination)
    {
        if (values.Length != _mean.Length || destination.Length < values.Length)
        {
            throw new ArgumentException($"This block has {_mean.Length} values, not {values.Length}.", nameof(values));
        }

        System.Numerics.Tensors.TensorPrimitives.Subtract(values, _mean, destination);
        System.Numerics.Tensors.TensorPrimitives.Divide(destination[..values.Length], _standardDeviation, destination);
    }
}
