using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference;

/// <summary>Everything the analyser learns about one track.</summary>
/// <param name="Source">The file path or stream name.</param>
/// <param name="DurationSeconds">Length of the audio.</param>
/// <param name="ModelName">The model that produced the timeline.</param>
/// <param name="Timeline">Arousal and valence for every second.</param>
/// <param name="Vector">The timeline resampled to the configured fixed length.</param>
/// <param name="Summary">Statistics of the timeline.</param>
/// <param name="Description">Plain-language description, or null when descriptions are off.</param>
public sealed record EmotionAnalysis(
    string Source,
    double DurationSeconds,
    string ModelName,
    EmotionTimeline Timeline,
    EmotionVector Vector,
    EmotionSummary Summary,
    string? Description);
