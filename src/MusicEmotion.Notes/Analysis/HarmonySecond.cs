using MusicEmotion.Notes.Harmony;

namespace MusicEmotion.Notes.Analysis;

/// <summary>The harmony around one second.</summary>
/// <param name="Key">The key of the notes in the context window centred on the second (<see cref="NoteFeatureAnalyzer.ContextSeconds"/>), or null when they name none.</param>
/// <param name="Chord">The chord of the notes sounding in the second, or null when none (silence, one note, no fitting chord).</param>
/// <param name="ChordChanged">Whether the chord differs from the previous second's (both named).</param>
/// <param name="Dissonance">The overlap-weighted dissonance of the second's simultaneous notes (0 … 1, see <see cref="Harmony.Dissonance"/>), or null when no two notes sound together.</param>
/// <param name="MajorChordShare">Share of the context window's chorded seconds whose chord is of the major family, or null when none has a chord.</param>
/// <param name="MinorChordShare">Share of the context window's chorded seconds whose chord is of the minor family, or null when none has a chord.</param>
public readonly record struct HarmonySecond(MusicalKey? Key, ChordLabel? Chord, bool ChordChanged, double? Dissonance, double? MajorChordShare, double? MinorChordShare);
