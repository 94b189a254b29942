using MusicEmotion.Inference.Analysis;
using MusicEmotion.Inference.Windowing;

namespace MusicEmotion.Inference;

/// <summary>Per-call overrides for one analysis; null members keep the analyser's <see cref="EmotionAnalyzerOptions"/>.</summary>
public sealed record EmotionAnalysisOptions
{
    /// <summary>Overrides nothing.</summary>
    public static EmotionAnalysisOptions Inherit { get; } = new();

    /// <summary>Length of the fixed-length vectors (values per dimension).</summary>
    public int? VectorLength { get; init; }

    /// <summary>Options of the statistics summary.</summary>
    public SummaryOptions? Summary { get; init; }

    /// <summary>Whether to write a description.</summary>
    public bool? Describe { get; init; }

    /// <summary>How to smooth the per-second values over time (e.g. <see cref="EmotionSmoothing.None"/> to see every change as the model sees it).</summary>
    public EmotionSmoothing? Smoothing { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (VectorLength is < 1 or > 100_000)
        {
            throw new ArgumentException($"VectorLength must be between 1 and 100000 (got {VectorLength}).");
        }
    }
}
