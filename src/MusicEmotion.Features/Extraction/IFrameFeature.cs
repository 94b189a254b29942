using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Extraction;

/// <summary>One feature family computed per frame from the raw frame and its shared <see cref="FrameSpectrum"/>.</summary>
internal interface IFrameFeature
{
    /// <summary>Values written per frame.</summary>
    int Width { get; }

    /// <summary>Computes this family's values for one frame.</summary>
    /// <param name="frame">The raw (padded, unwindowed) frame.</param>
    /// <param name="spectrum">The frame's spectrum, already computed.</param>
    /// <param name="output">Receives <see cref="Width"/> values.</param>
    void Compute(ReadOnlySpan<float> frame, FrameSpectrum spectrum, Span<float> output);
}
