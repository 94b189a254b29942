using MusicEmotion.Features.Cepstral;
using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Extraction;

/// <summary>The MFCC columns: the orthonormal DCT-II of the shared spectrum's compressed mel vector.</summary>
internal sealed class MfccFrameFeature(FeatureSettings settings) : IFrameFeature
{
    private readonly Dct _dct = new(settings.MelBands, settings.MfccCount);

    public int Width { get; } = settings.MfccCount;

    public void Compute(ReadOnlySpan<float> frame, FrameSpectrum spectrum, Span<float> output) => _dct.Transform(spectrum.LogMel, output);
}
