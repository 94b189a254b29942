namespace MusicEmotion.Features;

/// <summary>
/// Computes one family of frame features from mono samples at <see cref="FeatureSettings.SampleRate"/>: a built-in
/// kind (<see cref="Extraction.FeatureExtractorFactory"/>) or a host's own, registered under a name in a <see cref="FeatureKindRegistry"/>.
/// </summary>
public interface IFeatureExtractor
{
    /// <summary>The settings that fully determine the output.</summary>
    FeatureSettings Settings { get; }

    /// <summary>Features per frame.</summary>
    int Width { get; }

    /// <summary>One name per feature column.</summary>
    IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Frames per second, <c>SampleRate / HopLength</c>.</summary>
    double FrameRate { get; }

    /// <summary>Extracts the features of a whole signal (identical to streaming it).</summary>
    /// <param name="samples">Mono samples.</param>
    /// <returns>Frames × <see cref="Width"/> matrix with <c>Settings.FrameCount(len)</c> rows.</returns>
    FeatureMatrix Extract(ReadOnlySpan<float> samples);

    /// <summary>Creates a stream for incremental extraction of one signal.</summary>
    /// <returns>A new stream.</returns>
    IFeatureStream CreateStream();
}
