using MusicEmotion.Features.Descriptors;
using MusicEmotion.Features.Rhythm;
using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Extraction;

/// <summary>
/// The 21 descriptor columns of <see cref="DescriptorExtractor"/> from a frame and its shared spectrum; feeds each
/// frame's onset strength to a <see cref="TempoEstimator"/>. Stateful (flux and onset remember the previous frame).
/// </summary>
internal sealed class DescriptorFrameFeature : IFrameFeature
{
    private readonly FeatureSettings _settings;
    private readonly SpectralShape _shape;
    private readonly SpectralFlux _flux;
    private readonly ChromaFilterbank _chroma;
    private readonly OnsetStrength _onset;

    public DescriptorFrameFeature(FeatureSettings settings)
    {
        _settings = settings;
        _shape = new SpectralShape(settings.SampleRate, settings.FftSize);
        _flux = new SpectralFlux(settings.FrequencyBins);
        _chroma = new ChromaFilterbank(settings);
        _onset = new OnsetStrength(settings.MelBands, settings.OnsetFloorDb);
        Tempo = new TempoEstimator(settings.FrameRate, settings);
    }

    public int Width => DescriptorExtractor.ColumnNames.Count;

    /// <summary>The tempo estimator fed with every frame's onset strength.</summary>
    public TempoEstimator Tempo { get; }

    public void Compute(ReadOnlySpan<float> frame, FrameSpectrum spectrum, Span<float> features)
    {
        float rms = FrameEnergy.Rms(frame);
        features[0] = rms;
        features[1] = FrameEnergy.LoudnessDb(rms, _settings.DbAmin);
        features[7] = ZeroCrossingRate.Compute(frame);

        ReadOnlySpan<float> magnitude = spectrum.Magnitude;
        float centroid = _shape.Centroid(magnitude);
        features[2] = centroid;
        features[3] = _shape.Bandwidth(magnitude, centroid);
        features[4] = _shape.RollOff(magnitude, _settings.RollOffPercent);
        features[5] = _shape.Flatness(spectrum.Power);
        features[6] = _flux.Next(magnitude);

        float onset = _onset.Next(spectrum.MelDecibels);
        features[8] = onset;
        Tempo.Add(onset);

        _chroma.Apply(spectrum.Power, features.Slice(9, ChromaFilterbank.PitchClasses));
    }
}
