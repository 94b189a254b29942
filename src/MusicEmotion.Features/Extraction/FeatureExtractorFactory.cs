namespace MusicEmotion.Features.Extraction;

/// <summary>Creates extractors by <see cref="FeatureKind"/>.</summary>
public static class FeatureExtractorFactory
{
    /// <summary>Creates the extractor for <paramref name="kind"/>.</summary>
    /// <param name="kind">Feature family.</param>
    /// <param name="settings">Settings (validated); null = librosa defaults.</param>
    /// <returns>A <see cref="LogMelExtractor"/>, <see cref="MfccExtractor"/> or <see cref="DescriptorExtractor"/>.</returns>
    public static IFeatureExtractor Create(FeatureKind kind, FeatureSettings? settings = null) => kind switch
    {
        FeatureKind.LogMel => new LogMelExtractor(settings),
        FeatureKind.Mfcc => new MfccExtractor(settings),
        FeatureKind.Descriptors => new DescriptorExtractor(settings),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown feature kind."),
    };
}
