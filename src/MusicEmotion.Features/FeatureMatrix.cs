namespace MusicEmotion.Features;

/// <summary>
/// A frames × features matrix stored row-major in <see cref="Data"/>: element (t, j) is <c>Data[t·Width + j]</c>.
/// </summary>
public sealed class FeatureMatrix
{
    /// <summary>Creates a matrix over existing data (not copied).</summary>
    /// <param name="frames">Number of rows (≥ 0).</param>
    /// <param name="width">Number of columns (≥ 1).</param>
    /// <param name="data">Row-major values; length must be <c>frames·width</c>.</param>
    /// <param name="columnNames">One name per column.</param>
    /// <param name="frameRate">Rows per second of audio (e.g. <c>SampleRate / HopLength</c>; 1 for per-second aggregates).</param>
    /// <exception cref="ArgumentException">Sizes are inconsistent.</exception>
    public FeatureMatrix(int frames, int width, float[] data, IReadOnlyList<string> columnNames, double frameRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(columnNames);
        if ((long)frames * width != data.Length)
        {
            throw new ArgumentException($"Data length {data.Length} does not equal frames·width = {frames}·{width}.", nameof(data));
        }

        if (columnNames.Count != width)
        {
            throw new ArgumentException($"Expected {width} column names, got {columnNames.Count}.", nameof(columnNames));
        }

        if (!(frameRate > 0) || !double.IsFinite(frameRate))
        {
            throw new ArgumentOutOfRangeException(nameof(frameRate), frameRate, "Frame rate must be positive and finite.");
        }

        Frames = frames;
        Width = width;
        Data = data;
        ColumnNames = columnNames;
        FrameRate = frameRate;
    }

    /// <summary>Number of rows (frames).</summary>
    public int Frames { get; }

    /// <summary>Number of columns (features per frame).</summary>
    public int Width { get; }

    /// <summary>Row-major values, length <c>Frames·Width</c>.</summary>
    public float[] Data { get; }

    /// <summary>Column names, one per column.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Rows per second of audio.</summary>
    public double FrameRate { get; }

    /// <summary>Returns row <paramref name="frame"/>.</summary>
    /// <param name="frame">Row index in <c>0..Frames-1</c>.</param>
    /// <returns>The <see cref="Width"/> values of that row.</returns>
    public ReadOnlySpan<float> Row(int frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, Frames);
        return Data.AsSpan(frame * Width, Width);
    }

    /// <summary>Returns row <paramref name="frame"/> for writing.</summary>
    /// <param name="frame">Row index in <c>0..Frames-1</c>.</param>
    /// <returns>The <see cref="Width"/> values of that row.</returns>
    public Span<float> MutableRow(int frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, Frames);
        return Data.AsSpan(frame * Width, Width);
    }

    /// <summary>Copies column <paramref name="column"/> into a new array.</summary>
    /// <param name="column">Column index in <c>0..Width-1</c>.</param>
    /// <returns>The <see cref="Frames"/> values of that column.</returns>
    public float[] Column(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Width);
        var result = new float[Frames];
        for (int t = 0; t < Frames; t++)
        {
            result[t] = Data[(t * Width) + column];
        }

        return result;
    }
}
