using System.Numerics.Tensors;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Features.Rhythm;
using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Extraction;

/// <summary>
/// Streaming computation of <see cref="DescriptorExtractor"/>'s columns; also feeds each frame's onset strength to a
/// <see cref="TempoEstimator"/> so the track tempo is available, in constant memory, via <see cref="EstimateTempo"/>.
/// </summary>
public sealed class DescriptorStream : FrameFeatureStream
{
    private readonly Stft _stft;
    private readonly MelFilterbank _mel;
    private readonly SpectralShape _shape;
    private readonly SpectralFlux _flux;
    private readonly ChromaFilterbank _chroma;
    private readonly OnsetStrength _onset;
    private readonly TempoEstimator _tempo;
    private readonly float[] _power;
    private readonly float[] _magnitude;
    private readonly float[] _melDb;

    /// <summary>Creates the stream.</summary>
    /// <param name="settings">Validated settings.</param>
    public DescriptorStream(FeatureSettings settings)
        : base(settings, DescriptorExtractor.ColumnNames.Count)
    {
        _stft = new Stft(settings);
        _mel = new MelFilterbank(settings);
        _shape = new SpectralShape(settings.SampleRate, settings.FftSize);
        _flux = new SpectralFlux(settings.FrequencyBins);
        _chroma = new ChromaFilterbank(settings);
        _onset = new OnsetStrength(settings.MelBands, settings.OnsetFloorDb);
        _tempo = new TempoEstimator(settings.FrameRate, settings);
        _power = new float[settings.FrequencyBins];
        _magnitude = new float[settings.FrequencyBins];
        _melDb = new float[settings.MelBands];
    }

    /// <summary>Tempo in BPM from the frames seen so far (0 when it cannot be estimated yet).</summary>
    /// <returns>The tempo estimate.</returns>
    public double EstimateTempo() => _tempo.Estimate();

    /// <inheritdoc />
    protected override void ComputeFeatures(ReadOnlySpan<float> frame, Span<float> features)
    {
        float rms = FrameEnergy.Rms(frame);
        features[0] = rms;
        features[1] = FrameEnergy.LoudnessDb(rms, Settings.DbAmin);
        features[7] = ZeroCrossingRate.Compute(frame);

        _stft.ComputeFrame(frame, _power, SpectrumKind.Power);
        TensorPrimitives.Sqrt(_power, _magnitude);
        float centroid = _shape.Centroid(_magnitude);
        features[2] = centroid;
        features[3] = _shape.Bandwidth(_magnitude, centroid);
        features[4] = _shape.RollOff(_magnitude, Settings.RollOffPercent);
        features[5] = _shape.Flatness(_power);
        features[6] = _flux.Next(_magnitude);

        _mel.Apply(_power, _melDb);
        Decibels.PowerToDb(_melDb, _melDb, Settings.DbReference, Settings.DbAmin);
        float onset = _onset.Next(_melDb);
        features[8] = onset;
        _tempo.Add(onset);

        _chroma.Apply(_power, features.Slice(9, ChromaFilterbank.PitchClasses));
    }
}
