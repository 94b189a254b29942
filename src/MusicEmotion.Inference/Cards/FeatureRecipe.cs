using MusicEmotion.Features;

namespace MusicEmotion.Inference.Cards;

/// <summary>Which per-frame features a model reads: the kinds, concatenated per frame in this order, computed with one <see cref="FeatureSettings"/>.</summary>
public sealed record FeatureRecipe
{
    /// <summary>
    /// Feature kinds concatenated per frame, by name (e.g. <c>["logMel"]</c> or <c>["logMel", "descriptors"]</c>): the
    /// built-in <c>logMel</c>, <c>mfcc</c> and <c>descriptors</c>, or a kind the host registered in a
    /// <see cref="FeatureKindRegistry"/> (<c>services.AddFeatureKind(...)</c>, <see cref="EmotionAnalyzerOptions.FeatureKinds"/>).
    /// </summary>
    public required IReadOnlyList<string> Kinds { get; init; }

    /// <summary>The settings shared by every kind (sample rate, FFT, hop, mel bands...).</summary>
    public required FeatureSettings Settings { get; init; }

    /// <summary>
    /// The recipe of the shipped model, and the default of <c>mer dataset export</c>: 22.05 kHz, n_fft 2048, hop 512
    /// (43.07 frames/s), periodic Hann, centred frames, 64 Slaney mel bands from 0 to 8 kHz (area-normalised), power in
    /// dB (ref 1, amin 1e-10, no top_db), followed by the 21 music descriptors (RMS, loudness, spectral shape, flux,
    /// zero-crossing rate, chroma, onset strength). The 8 kHz ceiling keeps the model blind to the low-pass that lossy
    /// encoders apply (the 4Q training clips are cut at about 10 kHz).
    /// </summary>
    public static FeatureRecipe CreateDefault() => new()
    {
        Kinds = [FeatureKindRegistry.NameOf(FeatureKind.LogMel), FeatureKindRegistry.NameOf(FeatureKind.Descriptors)],
        Settings = new FeatureSettings
        {
            SampleRate = 22050,
            FftSize = 2048,
            HopLength = 512,
            MelBands = 64,
            FMin = 0,
            FMax = 8000,
            TopDb = null,
        },
    };
}
