using MusicEmotion.Notes.Harmony;

namespace MusicEmotion.Notes.Analysis;

/// <summary>The features <see cref="NoteFeatureAnalyzer"/> derives from a track's notes: one row per second and a summary.</summary>
/// <param name="Seconds">One entry per started second of the audio, in order.</param>
/// <param name="Track">The whole track's summary.</param>
/// <param name="Melody">The melody line the melodic features were computed from.</param>
public sealed record NoteFeatures(IReadOnlyList<NoteSecond> Seconds, NoteTrackSummary Track, IReadOnlyList<NoteEvent> Melody)
{
    /// <summary>The chord of every second (null where none), for a chord chart.</summary>
    public IReadOnlyList<ChordLabel?> Chords => [.. Seconds.Select(s => s.Harmony.Chord)];
}
