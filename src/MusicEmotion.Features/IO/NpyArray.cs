namespace MusicEmotion.Features.IO;

/// <summary>A 1-D or 2-D floating-point array read from a <c>.npy</c> file (values converted to float32 and float64 on demand).</summary>
public sealed class NpyArray
{
    private readonly double[] _values;

    internal NpyArray(int[] shape, double[] values, bool isDouble)
    {
        Shape = Array.AsReadOnly(shape);
        _values = values;
        IsDoublePrecision = isDouble;
    }

    /// <summary>Array shape: one or two dimensions.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Whether the file stored float64 (<c>'&lt;f8'</c>) rather than float32.</summary>
    public bool IsDoublePrecision { get; }

    /// <summary>Rows: the first dimension.</summary>
    public int Rows => Shape[0];

    /// <summary>Columns: the second dimension, or 1 for a 1-D array.</summary>
    public int Columns => Shape.Count == 2 ? Shape[1] : 1;

    /// <summary>Total number of values.</summary>
    public int Length => _values.Length;

    /// <summary>The values in C order as float64 (a new array).</summary>
    /// <returns>The values.</returns>
    public double[] ToDoubleArray() => (double[])_values.Clone();

    /// <summary>The values in C order as float32 (a new array).</summary>
    /// <returns>The values.</returns>
    public float[] ToSingleArray() => Array.ConvertAll(_values, v => (float)v);

    /// <summary>Wraps the values (as float32) in a <see cref="FeatureMatrix"/> with columns named <c>col_j</c>.</summary>
    /// <param name="frameRate">Rows per second to record (default 1).</param>
    /// <returns>A Rows × Columns matrix.</returns>
    public FeatureMatrix ToFeatureMatrix(double frameRate = 1.0) =>
        new(Rows, Columns, ToSingleArray(), Enumerable.Range(0, Columns).Select(j => $"col_{j}").ToArray(), frameRate);
}
