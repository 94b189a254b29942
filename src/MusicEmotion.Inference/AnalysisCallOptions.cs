using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference;

/// <summary>
/// Options of one call to <see cref="EmotionAnalyzer"/> (<c>AnalyzeAsync</c>, <c>AnalyzeStreamingAsync</c>,
/// <c>AnalyzeManyAsync</c>): null members keep the analyser's <see cref="EmotionAnalyzerOptions"/>. Streaming uses
/// <see cref="Smoothing"/> and <see cref="Observer"/> only (it yields seconds, not summaries).
/// </summary>
public sealed record AnalysisCallOptions
{
    /// <summary>Length of the fixed-length vectors (values per dimension).</summary>
    public int? VectorLength { get; init; }

    /// <summary>Options of the statistics summary.</summary>
    public SummaryOptions? Summary { get; init; }

    /// <summary>Whether to write a description.</summary>
    public bool? Describe { get; init; }

    /// <summary>How to smooth the per-second values over time (e.g. <see cref="EmotionSmoothing.None"/> to see every change as the model sees it).</summary>
    public EmotionSmoothing? Smoothing { get; init; }

    /// <summary>
    /// Sees the mono samples and the model's feature frames of the analysis as they are computed, so the caller can derive
    /// more from the same decode and feature pass (the recommender's track descriptors do). One analysis at a time: not
    /// accepted by <c>AnalyzeManyAsync</c>, which runs several at once.
    /// </summary>
    public IFeatureFrameObserver? Observer { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (VectorLength is < 1 or > EmotionVector.MaxLength)
        {
            throw new ArgumentException($"VectorLength must be between 1 and {EmotionVector.MaxLength} (got {VectorLength}).");
        }
    }
}
