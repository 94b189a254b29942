using MusicEmotion.Features;
using MusicEmotion.Notes.Analysis;

namespace MusicEmotion.Notes.Kinds;

/// <summary>Registers the note feature kinds (<c>notes</c>, <c>harmony</c>, <c>melody</c>) in a <see cref="FeatureKindRegistry"/>.</summary>
/// <example>
/// <code>
/// using var transcriber = new NoteTranscriber();
/// var options = new EmotionAnalyzerOptions { ModelPath = "my.onnx", ModelCardPath = "my.card.json" };
/// options.FeatureKinds.AddNoteFeatureKinds(transcriber);   // the card may now name "notes", "harmony", "melody"
/// </code>
/// With dependency injection, <c>services.AddMusicEmotionNoteFeatures()</c> does this for the analyser.
/// </example>
public static class NoteFeatureKindRegistry
{
    /// <summary>
    /// Adds the kinds <c>notes</c>, <c>harmony</c> and <c>melody</c> (those not registered yet), computed with
    /// <paramref name="transcriber"/>.
    /// </summary>
    /// <returns>The registry.</returns>
    public static FeatureKindRegistry AddNoteFeatureKinds(this FeatureKindRegistry registry, NoteTranscriber transcriber)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(transcriber);
        return registry.AddNoteFeatureKinds(() => transcriber);
    }

    /// <summary>Adds the note feature kinds, with the transcriber <paramref name="transcriber"/> gives when a recipe first needs one (e.g. a service).</summary>
    /// <returns>The registry.</returns>
    public static FeatureKindRegistry AddNoteFeatureKinds(this FeatureKindRegistry registry, Func<NoteTranscriber> transcriber)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(transcriber);
        foreach (string kind in NoteFeatureColumns.Kinds)
        {
            if (!registry.Contains(kind))
            {
                registry.Add(kind, settings => new NoteFeatureExtractor(kind, settings, transcriber()));
            }
        }

        return registry;
    }
}
