using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Extraction;

/// <summary>
/// Streaming computation of <see cref="DescriptorExtractor"/>'s columns; also feeds each frame's onset strength to a
/// tempo estimator so the track tempo is available, in constant memory, via <see cref="EstimateTempo"/>.
/// </summary>
public sealed class DescriptorStream : FrameFeatureStream
{
    private readonly FrameSpectrum _spectrum;
    private readonly DescriptorFrameFeature _descriptors;

    /// <summary>Creates the stream.</summary>
    /// <param name="settings">Validated settings.</param>
    public DescriptorStream(FeatureSettings settings)
        : base(settings, DescriptorExtractor.ColumnNames.Count)
    {
        _spectrum = new FrameSpectrum(settings);
        _descriptors = new DescriptorFrameFeature(settings);
    }

    /// <summary>Tempo in BPM from the frames seen so far (0 when it cannot be estimated yet).</summary>
    /// <returns>The tempo estimate.</returns>
    public double EstimateTempo() => _descriptors.Tempo.Estimate();

    /// <inheritdoc />
    protected override void ComputeFeatures(ReadOnlySpan<float> frame, Span<float> features)
    {
        _spectrum.Compute(frame);
        _descriptors.Compute(frame, _spectrum, features);
    }
}
