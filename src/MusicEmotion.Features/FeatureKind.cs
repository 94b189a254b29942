namespace MusicEmotion.Features;

/// <summary>The feature families an <see cref="IFeatureExtractor"/> can produce.</summary>
public enum FeatureKind
{
    /// <summary>Log-mel spectrogram: <see cref="FeatureSettings.MelBands"/> columns <c>mel_0…</c>.</summary>
    LogMel,

    /// <summary>MFCCs: <see cref="FeatureSettings.MfccCount"/> columns <c>mfcc_0…</c>.</summary>
    Mfcc,

    /// <summary>Music descriptors (energy, spectral shape, zero-crossing rate, onset strength, chroma).</summary>
    Descriptors,
}
