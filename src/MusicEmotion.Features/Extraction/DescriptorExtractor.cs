using MusicEmotion.Features.Descriptors;

namespace MusicEmotion.Features.Extraction;

/// <summary>
/// Per-frame music descriptors for the recommender, 21 columns in this order:
/// <c>rms</c> (<see cref="FrameEnergy.Rms"/> of the raw padded frame), <c>loudness_db</c> (<c>20·log10(rms)</c>, floor
/// <c>10·log10(DbAmin)</c> = -100 dB), <c>spectral_centroid</c>, <c>spectral_bandwidth</c>, <c>spectral_rolloff</c> (Hz,
/// from the windowed magnitude spectrum, see <see cref="SpectralShape"/>), <c>spectral_flatness</c> (power spectrum,
/// amin 1e-10), <c>spectral_flux</c> (<see cref="SpectralFlux"/>), <c>zero_crossing_rate</c> (raw padded frame,
/// <see cref="ZeroCrossingRate"/>), <c>onset_strength</c> (<see cref="Rhythm.OnsetStrength"/> on the log-mel dB), and
/// <c>chroma_c … chroma_b</c> (<see cref="ChromaFilterbank"/>). Frames follow the STFT settings (default 2048/512,
/// centred, zero padding). The track tempo comes from <see cref="EstimateTempo"/> or
/// <see cref="DescriptorStream.EstimateTempo"/> after streaming.
/// </summary>
public sealed class DescriptorExtractor : IFeatureExtractor
{
    /// <summary>Column names in output order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = Array.AsReadOnly(
        new[] { "rms", "loudness_db", "spectral_centroid", "spectral_bandwidth", "spectral_rolloff", "spectral_flatness", "spectral_flux", "zero_crossing_rate", "onset_strength" }
            .Concat(ChromaFilterbank.PitchClassNames.Select(p => $"chroma_{p}"))
            .ToArray());

    /// <summary>Creates the extractor.</summary>
    /// <param name="settings">Settings; validated here. Null = defaults.</param>
    public DescriptorExtractor(FeatureSettings? settings = null)
    {
        Settings = settings ?? new FeatureSettings();
        Settings.Validate();
    }

    /// <inheritdoc />
    public FeatureSettings Settings { get; }

    /// <summary>The built-in kind this extractor computes.</summary>
    public FeatureKind Kind => FeatureKind.Descriptors;

    /// <inheritdoc />
    public int Width => ColumnNames.Count;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames => ColumnNames;

    /// <inheritdoc />
    public double FrameRate => Settings.FrameRate;

    /// <inheritdoc />
    public FeatureMatrix Extract(ReadOnlySpan<float> samples) => WholeSignalExtraction.Run(this, CreateStream(), samples);

    /// <summary>Estimates the track tempo in BPM (see <see cref="Rhythm.TempoEstimator"/>) from the onset-strength envelope.</summary>
    /// <param name="samples">Mono samples of the whole track.</param>
    /// <returns>Tempo in BPM, 0 when it cannot be estimated (too short or silent).</returns>
    public double EstimateTempo(ReadOnlySpan<float> samples)
    {
        DescriptorStream stream = CreateDescriptorStream();
        var sink = new DiscardingSink();
        stream.Push(samples, sink);
        stream.Complete(sink);
        return stream.EstimateTempo();
    }

    /// <inheritdoc />
    public IFeatureStream CreateStream() => CreateDescriptorStream();

    /// <summary>Creates a stream that also accumulates the tempo estimate.</summary>
    /// <returns>A new <see cref="DescriptorStream"/>.</returns>
    public DescriptorStream CreateDescriptorStream() => new(Settings);

    private sealed class DiscardingSink : IFeatureFrameSink
    {
        public void OnFrame(long frameIndex, ReadOnlySpan<float> features)
        {
        }
    }
}
