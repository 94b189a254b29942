using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Extraction;

/// <summary>
/// Base of the feature streams: frames the pushed samples with a <see cref="SignalFramer"/> (settings' FftSize,
/// HopLength, Center, PadMode) and turns every raw frame into one feature vector. No allocation per frame.
/// </summary>
public abstract class FrameFeatureStream : IFeatureStream, IFrameConsumer
{
    private readonly SignalFramer _framer;
    private readonly float[] _features;
    private IFeatureFrameSink? _sink;

    /// <summary>Creates the stream.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="width">Features per frame.</param>
    protected FrameFeatureStream(FeatureSettings settings, int width)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        Settings = settings;
        Width = width;
        _framer = new SignalFramer(settings.FftSize, settings.HopLength, settings.Center, settings.PadMode);
        _features = new float[width];
    }

    /// <summary>The settings in use.</summary>
    public FeatureSettings Settings { get; }

    /// <inheritdoc />
    public int Width { get; }

    /// <inheritdoc />
    public long FramesWritten { get; private set; }

    /// <inheritdoc />
    public void Push(ReadOnlySpan<float> samples, IFeatureFrameSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        try
        {
            _framer.Push(samples, this);
        }
        finally
        {
            _sink = null;
        }
    }

    /// <inheritdoc />
    public void Complete(IFeatureFrameSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        try
        {
            _framer.Complete(this);
        }
        finally
        {
            _sink = null;
        }
    }

    /// <inheritdoc />
    void IFrameConsumer.OnFrame(ReadOnlySpan<float> frame)
    {
        ComputeFeatures(frame, _features);
        _sink!.OnFrame(FramesWritten, _features);
        FramesWritten++;
    }

    /// <summary>Computes the features of one raw (padded, unwindowed) frame.</summary>
    /// <param name="frame"><see cref="FeatureSettings.FftSize"/> samples.</param>
    /// <param name="features">Receives <see cref="Width"/> values.</param>
    protected abstract void ComputeFeatures(ReadOnlySpan<float> frame, Span<float> features);
}
