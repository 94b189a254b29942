using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Extraction;

/// <summary>The log-mel columns: the shared spectrum's compressed mel vector.</summary>
internal sealed class LogMelFrameFeature(FeatureSettings settings) : IFrameFeature
{
    public int Width { get; } = settings.MelBands;

    public void Compute(ReadOnlySpan<float> frame, FrameSpectrum spectrum, Span<float> output) => spectrum.LogMel.CopyTo(output);
}
