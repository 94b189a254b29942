namespace MusicEmotion.Features.Extraction;

/// <summary>Collects streamed frames into a <see cref="FeatureMatrix"/> (growing its buffer when needed).</summary>
public sealed class FeatureMatrixSink : IFeatureFrameSink
{
    private readonly IReadOnlyList<string> _names;
    private readonly double _frameRate;
    private float[] _data;
    private int _frames;

    /// <summary>Creates the sink.</summary>
    /// <param name="width">Features per frame.</param>
    /// <param name="names">Column names.</param>
    /// <param name="frameRate">Frames per second.</param>
    /// <param name="expectedFrames">Capacity to preallocate (default 0).</param>
    public FeatureMatrixSink(int width, IReadOnlyList<string> names, double frameRate, int expectedFrames = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedFrames);
        Width = width;
        _names = names ?? throw new ArgumentNullException(nameof(names));
        _frameRate = frameRate;
        _data = new float[checked(width * expectedFrames)];
    }

    /// <summary>Features per frame.</summary>
    public int Width { get; }

    /// <summary>Frames collected.</summary>
    public int Frames => _frames;

    /// <inheritdoc />
    public void OnFrame(long frameIndex, ReadOnlySpan<float> features)
    {
        if (frameIndex != _frames)
        {
            throw new ArgumentException($"Expected frame {_frames}, got {frameIndex}.", nameof(frameIndex));
        }

        if (features.Length != Width)
        {
            throw new ArgumentException($"Expected {Width} features, got {features.Length}.", nameof(features));
        }

        int needed = checked((_frames + 1) * Width);
        if (needed > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(needed, _data.Length * 2));
        }

        features.CopyTo(_data.AsSpan(_frames * Width));
        _frames++;
    }

    /// <summary>Returns the collected frames as a matrix (the buffer is trimmed, no copy when it is exactly full).</summary>
    /// <returns>The matrix.</returns>
    public FeatureMatrix ToMatrix()
    {
        if (_data.Length != _frames * Width)
        {
            Array.Resize(ref _data, _frames * Width);
        }

        return new FeatureMatrix(_frames, Width, _data, _names, _frameRate);
    }
}
