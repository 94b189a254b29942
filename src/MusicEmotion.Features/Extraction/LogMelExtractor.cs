using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Extraction;

/// <summary>
/// Log-mel spectrogram like <c>librosa.power_to_db(librosa.feature.melspectrogram(y, sr, n_fft, hop_length, win_length,
/// window='hann', center=True, pad_mode='constant', power=2.0, n_mels=128, fmin=0, fmax=sr/2, htk=False, norm='slaney'),
/// ref=1.0, amin=1e-10, top_db=None)</c> with every parameter taken from <see cref="FeatureSettings"/> (or
/// <c>log10(1 + C·mel)</c> when <see cref="FeatureSettings.LogScale"/> is <see cref="LogScaleKind.Log1p"/>), transposed
/// to frames × bands. <see cref="Extract"/> and streams are identical and never apply <c>top_db</c>; use
/// <see cref="ExtractWithTopDb"/> for librosa's global clipping.
/// </summary>
public sealed class LogMelExtractor : IFeatureExtractor
{
    /// <summary>Creates the extractor.</summary>
    /// <param name="settings">Settings; validated here. Null = defaults.</param>
    public LogMelExtractor(FeatureSettings? settings = null)
    {
        Settings = settings ?? new FeatureSettings();
        Settings.Validate();
        FeatureNames = WholeSignalExtraction.NumberedNames("mel", Settings.MelBands);
    }

    /// <inheritdoc />
    public FeatureSettings Settings { get; }

    /// <summary>The built-in kind this extractor computes.</summary>
    public FeatureKind Kind => FeatureKind.LogMel;

    /// <inheritdoc />
    public int Width => Settings.MelBands;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames { get; }

    /// <inheritdoc />
    public double FrameRate => Settings.FrameRate;

    /// <inheritdoc />
    public FeatureMatrix Extract(ReadOnlySpan<float> samples) => WholeSignalExtraction.Run(this, CreateStream(), samples);

    /// <summary>
    /// Whole-signal extraction followed, for <see cref="LogScaleKind.Decibels"/>, by librosa's global
    /// <c>top_db</c> clip (<see cref="FeatureSettings.TopDb"/>, default 80 dB below the matrix maximum; nothing when null).
    /// </summary>
    /// <param name="samples">Mono samples.</param>
    /// <returns>Frames × bands.</returns>
    public FeatureMatrix ExtractWithTopDb(ReadOnlySpan<float> samples)
    {
        FeatureMatrix matrix = Extract(samples);
        if (Settings.LogScale == LogScaleKind.Decibels && Settings.TopDb is { } topDb)
        {
            Decibels.ApplyTopDb(matrix, topDb);
        }

        return matrix;
    }

    /// <inheritdoc />
    public IFeatureStream CreateStream() => new SpectralFeatureStream(Settings, [new LogMelFrameFeature(Settings)]);
}
