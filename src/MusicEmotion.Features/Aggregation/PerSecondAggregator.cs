namespace MusicEmotion.Features.Aggregation;

/// <summary>
/// Summarises frame features per second of audio: for every column, the mean and the population standard deviation
/// (ddof = 0) over the frames of each one-second window. Frame <c>t</c> is assigned the time <c>t·hop/sr</c> seconds
/// (its centre when frames are centred, librosa's <c>frames_to_time</c>) and belongs to second
/// <c>floor(t·hop/sr)</c>, computed exactly in integers. Output columns are <c>name_mean</c> for every column followed by
/// <c>name_std</c> for every column; output rate is 1 row per second. A second that receives no frame (only possible
/// when <c>hop &gt; sr</c>) is filled with NaN.
/// </summary>
/// <remarks>
/// Streaming use: feed frames through <see cref="OnFrame"/> (it is an <see cref="IFeatureFrameSink"/>), finished
/// seconds are forwarded to the downstream sink as they close; call <see cref="Complete"/> to flush the last (partial)
/// second. Statistics use Welford's algorithm in double precision; memory is O(width); no allocation per frame.
/// </remarks>
public sealed class PerSecondAggregator : IFeatureFrameSink
{
    private readonly IFeatureFrameSink _downstream;
    private readonly int _sampleRate;
    private readonly int _hopLength;
    private readonly double[] _mean;
    private readonly double[] _m2;
    private readonly float[] _row;
    private long _currentSecond;
    private long _framesInSecond;
    private long _secondsWritten;
    private long _expectedFrame;

    /// <summary>Creates a streaming aggregator.</summary>
    /// <param name="width">Columns of the incoming frames.</param>
    /// <param name="sampleRate">Sample rate in Hz.</param>
    /// <param name="hopLength">Hop between frames in samples.</param>
    /// <param name="downstream">Receives one row of <c>2·width</c> values per second (row index = second).</param>
    public PerSecondAggregator(int width, int sampleRate, int hopLength, IFeatureFrameSink downstream)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hopLength, 1);
        _downstream = downstream ?? throw new ArgumentNullException(nameof(downstream));
        Width = width;
        _sampleRate = sampleRate;
        _hopLength = hopLength;
        _mean = new double[width];
        _m2 = new double[width];
        _row = new float[2 * width];
    }

    /// <summary>Columns of the incoming frames.</summary>
    public int Width { get; }

    /// <summary>Seconds forwarded downstream so far.</summary>
    public long SecondsWritten => _secondsWritten;

    /// <summary>Output column names: <c>name_mean</c> for each column, then <c>name_std</c> for each column.</summary>
    /// <param name="columnNames">Input column names.</param>
    /// <returns>The <c>2·n</c> output names.</returns>
    public static IReadOnlyList<string> OutputNames(IReadOnlyList<string> columnNames)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        return Array.AsReadOnly(columnNames.Select(n => n + "_mean").Concat(columnNames.Select(n => n + "_std")).ToArray());
    }

    /// <summary>Second that frame <paramref name="frameIndex"/> belongs to: <c>floor(frameIndex·hop/sr)</c>.</summary>
    /// <param name="frameIndex">Frame index.</param>
    /// <param name="sampleRate">Sample rate in Hz.</param>
    /// <param name="hopLength">Hop in samples.</param>
    /// <returns>The second index.</returns>
    public static long SecondOfFrame(long frameIndex, int sampleRate, int hopLength) => frameIndex * hopLength / sampleRate;

    /// <summary>Aggregates a whole frame matrix.</summary>
    /// <param name="frames">Frame features (any width).</param>
    /// <param name="sampleRate">Sample rate in Hz.</param>
    /// <param name="hopLength">Hop in samples.</param>
    /// <returns>Seconds × (2·width) matrix at 1 row per second.</returns>
    public static FeatureMatrix Aggregate(FeatureMatrix frames, int sampleRate, int hopLength)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var names = OutputNames(frames.ColumnNames);
        int seconds = frames.Frames == 0 ? 0 : checked((int)SecondOfFrame(frames.Frames - 1, sampleRate, hopLength) + 1);
        var sink = new Extraction.FeatureMatrixSink(2 * frames.Width, names, 1.0, seconds);
        var aggregator = new PerSecondAggregator(frames.Width, sampleRate, hopLength, sink);
        for (int t = 0; t < frames.Frames; t++)
        {
            aggregator.OnFrame(t, frames.Row(t));
        }

        aggregator.Complete();
        return sink.ToMatrix();
    }

    /// <summary>Aggregates a whole frame matrix using <paramref name="settings"/>' SampleRate and HopLength.</summary>
    /// <param name="frames">Frame features.</param>
    /// <param name="settings">The settings the frames were computed with.</param>
    /// <returns>Seconds × (2·width) matrix.</returns>
    public static FeatureMatrix Aggregate(FeatureMatrix frames, FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Aggregate(frames, settings.SampleRate, settings.HopLength);
    }

    /// <summary>Adds one frame; frames must arrive with consecutive indices starting at 0.</summary>
    /// <param name="frameIndex">Frame index.</param>
    /// <param name="features">The frame's <see cref="Width"/> values.</param>
    public void OnFrame(long frameIndex, ReadOnlySpan<float> features)
    {
        if (frameIndex != _expectedFrame)
        {
            throw new ArgumentException($"Frames must be consecutive: expected {_expectedFrame}, got {frameIndex}.", nameof(frameIndex));
        }

        if (features.Length != Width)
        {
            throw new ArgumentException($"Expected {Width} features, got {features.Length}.", nameof(features));
        }

        _expectedFrame++;
        long second = SecondOfFrame(frameIndex, _sampleRate, _hopLength);
        while (second > _currentSecond)
        {
            FlushSecond();
        }

        _framesInSecond++;
        for (int j = 0; j < features.Length; j++)
        {
            double x = features[j];
            double delta = x - _mean[j];
            _mean[j] += delta / _framesInSecond;
            _m2[j] += delta * (x - _mean[j]);
        }
    }

    /// <summary>Flushes the last, possibly partial, second (if it holds any frame).</summary>
    public void Complete()
    {
        if (_framesInSecond > 0)
        {
            FlushSecond();
        }
    }

    private void FlushSecond()
    {
        for (int j = 0; j < Width; j++)
        {
            bool empty = _framesInSecond == 0;
            _row[j] = empty ? float.NaN : (float)_mean[j];
            _row[Width + j] = empty ? float.NaN : (float)Math.Sqrt(_m2[j] / _framesInSecond);
        }

        _downstream.OnFrame(_secondsWritten, _row);
        _secondsWritten++;
        _currentSecond++;
        _framesInSecond = 0;
        Array.Clear(_mean);
        Array.Clear(_m2);
    }
}
