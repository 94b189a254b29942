using MusicEmotion.Features.Extraction;

namespace MusicEmotion.Features.Descriptors;

/// <summary>
/// Computes <see cref="TrackDescriptors"/> straight from mono samples, streaming: one pass of the log-mel (dB) and
/// descriptor features (sharing one spectrum per frame) feeds a <see cref="TrackDescriptorAccumulator"/>. Use it when
/// no other analysis computes those frames already; otherwise feed the accumulator with the existing frames.
/// </summary>
/// <remarks>Not thread-safe; one extractor per track.</remarks>
public sealed class TrackDescriptorExtractor : IFeatureFrameSink
{
    private readonly IFeatureStream _frames;
    private readonly TrackDescriptorAccumulator _accumulator;
    private readonly int _melBands;

    /// <summary>Creates the extractor.</summary>
    /// <param name="settings">Feature settings (the log-mel is always taken in decibels).</param>
    public TrackDescriptorExtractor(FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        FeatureSettings decibels = settings with { LogScale = LogScaleKind.Decibels };
        _accumulator = new TrackDescriptorAccumulator(decibels);
        _frames = FeatureExtractorFactory.CreateStream([FeatureKind.LogMel, FeatureKind.Descriptors], decibels);
        _melBands = decibels.MelBands;
    }

    /// <summary>Feeds the next mono samples.</summary>
    public void Push(ReadOnlySpan<float> samples) => _frames.Push(samples, this);

    /// <summary>Ends the signal and returns the descriptors.</summary>
    /// <exception cref="InvalidOperationException">The signal was empty.</exception>
    public TrackDescriptors Complete()
    {
        _frames.Complete(this);
        return _accumulator.Complete();
    }

    /// <inheritdoc />
    void IFeatureFrameSink.OnFrame(long frameIndex, ReadOnlySpan<float> features) =>
        _accumulator.Add(features[_melBands..], features[.._melBands]);
}
