using MusicEmotion.Features.Cepstral;

namespace MusicEmotion.Features.Extraction;

/// <summary>
/// MFCCs like <c>librosa.feature.mfcc(y, sr, n_mfcc=20, dct_type=2, norm='ortho', lifter=0)</c>: the orthonormal DCT-II
/// of each frame's log-mel (see <see cref="LogMelExtractor"/>; dB by default), keeping the first
/// <see cref="FeatureSettings.MfccCount"/> coefficients. <see cref="Extract"/> and streams are identical and skip
/// <c>top_db</c>; <see cref="ExtractWithTopDb"/> reproduces librosa's default (global <c>top_db=80</c>) exactly.
/// </summary>
public sealed class MfccExtractor : IFeatureExtractor
{
    /// <summary>Creates the extractor.</summary>
    /// <param name="settings">Settings; validated here. Null = defaults.</param>
    public MfccExtractor(FeatureSettings? settings = null)
    {
        Settings = settings ?? new FeatureSettings();
        Settings.Validate();
        FeatureNames = WholeSignalExtraction.NumberedNames("mfcc", Settings.MfccCount);
    }

    /// <inheritdoc />
    public FeatureSettings Settings { get; }

    /// <summary>The built-in kind this extractor computes.</summary>
    public FeatureKind Kind => FeatureKind.Mfcc;

    /// <inheritdoc />
    public int Width => Settings.MfccCount;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames { get; }

    /// <inheritdoc />
    public double FrameRate => Settings.FrameRate;

    /// <inheritdoc />
    public FeatureMatrix Extract(ReadOnlySpan<float> samples) => WholeSignalExtraction.Run(this, CreateStream(), samples);

    /// <summary>
    /// Whole-signal MFCCs from a log-mel clipped with the global <see cref="FeatureSettings.TopDb"/> (librosa's exact
    /// default behaviour); same as <see cref="Extract"/> when TopDb is null or the log scale is not dB.
    /// </summary>
    /// <param name="samples">Mono samples.</param>
    /// <returns>Frames × MfccCount.</returns>
    public FeatureMatrix ExtractWithTopDb(ReadOnlySpan<float> samples)
    {
        FeatureMatrix logMel = new LogMelExtractor(Settings).ExtractWithTopDb(samples);
        return FromLogMel(logMel);
    }

    /// <summary>Computes MFCCs from an existing log-mel matrix (frames × MelBands).</summary>
    /// <param name="logMel">Log-mel matrix with <see cref="FeatureSettings.MelBands"/> columns.</param>
    /// <returns>Frames × MfccCount.</returns>
    public FeatureMatrix FromLogMel(FeatureMatrix logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        if (logMel.Width != Settings.MelBands)
        {
            throw new ArgumentException($"Log-mel has {logMel.Width} bands; settings expect {Settings.MelBands}.", nameof(logMel));
        }

        var dct = new Dct(Settings.MelBands, Settings.MfccCount);
        var data = new float[logMel.Frames * Width];
        for (int t = 0; t < logMel.Frames; t++)
        {
            dct.Transform(logMel.Row(t), data.AsSpan(t * Width, Width));
        }

        return new FeatureMatrix(logMel.Frames, Width, data, FeatureNames, logMel.FrameRate);
    }

    /// <inheritdoc />
    public IFeatureStream CreateStream() => new SpectralFeatureStream(Settings, [new MfccFrameFeature(Settings)]);
}
