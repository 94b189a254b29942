namespace MusicEmotion.Evaluation.Datasets;

/// <summary>A clip with continuous (dynamic) arousal/valence annotations.</summary>
/// <param name="Id">The song id.</param>
/// <param name="AudioPath">Full path of its audio, or null when the dataset folder lacks it.</param>
/// <param name="Annotations">Annotated instants in time order.</param>
internal sealed record DynamicClip(string Id, string? AudioPath, IReadOnlyList<EmotionAnnotation> Annotations)
{
    /// <summary>The artist (or another grouping, e.g. a game), from an <c>artist</c> column of <c>clips.csv</c>; empty when unknown.</summary>
    public string Artist { get; init; } = string.Empty;
}
