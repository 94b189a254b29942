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

    /// <summary>
    /// Creates one stream computing several built-in kinds at once, their columns concatenated in the order given,
    /// from one framer and one spectrum per frame (every kind reads the same windowed FFT, mel power and decibels).
    /// Its frames equal, column block by column block, what each kind's own extractor gives.
    /// </summary>
    /// <param name="kinds">The kinds, at least one, each at most once.</param>
    /// <param name="settings">Settings (validated); null = librosa defaults.</param>
    /// <returns>A new stream of width <see cref="WidthOf"/>.</returns>
    /// <exception cref="ArgumentException">No kind, a repeated kind, or invalid settings.</exception>
    public static IFeatureStream CreateStream(IReadOnlyList<FeatureKind> kinds, FeatureSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        settings ??= new FeatureSettings();
        settings.Validate();
        if (kinds.Count == 0 || kinds.Distinct().Count() != kinds.Count)
        {
            throw new ArgumentException($"Give each feature kind at most once, and at least one (got {string.Join(", ", kinds)}).", nameof(kinds));
        }

        return new SpectralFeatureStream(settings, kinds.Select(k => SpectralFeatureStream.Create(k, settings)).ToArray());
    }

    /// <summary>The number of columns <paramref name="kinds"/> produce together.</summary>
    public static int WidthOf(IReadOnlyList<FeatureKind> kinds, FeatureSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return kinds.Sum(k => Create(k, settings).Width);
    }
}
