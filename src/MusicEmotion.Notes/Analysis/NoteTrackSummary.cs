using MusicEmotion.Notes.Harmony;

namespace MusicEmotion.Notes.Analysis;

/// <summary>What the notes show over a whole track.</summary>
/// <param name="Key">The key of all the notes (duration-weighted, Krumhansl–Kessler), or null when they name none.</param>
/// <param name="MajorChordShare">Share of the seconds with a chord whose chord is of the major family, or null when no second has one.</param>
/// <param name="MinorChordShare">Share of the seconds with a chord whose chord is of the minor family, or null when no second has one.</param>
/// <param name="ChordChangesPerMinute">Changes of chord between consecutive chorded seconds, per minute of audio.</param>
/// <param name="Dissonance">Mean of the seconds' dissonance (those with simultaneous notes), or null when none has any.</param>
/// <param name="OnsetRate">Note onsets per second over the track.</param>
/// <param name="Polyphony">Mean number of notes sounding at once over the track.</param>
/// <param name="Articulation">Mean articulation (length over inter-onset interval, see <see cref="Texture.NoteTexture"/>) of every note with a next onset, or null.</param>
/// <param name="MelodyRangeSemitones">Spread of the melody's pitches, 95th minus 5th percentile weighted by duration (semitones), or null without melody.</param>
/// <param name="MelodyRegister">Duration-weighted median MIDI pitch of the melody, or null without melody.</param>
/// <param name="MelodyMeanIntervalSemitones">Mean absolute interval between consecutive melody notes, or null with fewer than two.</param>
/// <param name="MelodyRisingShare">Share of the melody's intervals that rise, or null with fewer than two melody notes.</param>
/// <param name="MelodyFallingShare">Share of the melody's intervals that fall, or null with fewer than two melody notes.</param>
/// <param name="VibratoShare">Share of the melody's time on notes with vibrato (0 without melody).</param>
/// <param name="GlissandoShare">Share of the melody's notes that glide, or null without melody.</param>
public sealed record NoteTrackSummary(
    MusicalKey? Key, double? MajorChordShare, double? MinorChordShare, double ChordChangesPerMinute, double? Dissonance,
    double OnsetRate, double Polyphony, double? Articulation,
    double? MelodyRangeSemitones, double? MelodyRegister, double? MelodyMeanIntervalSemitones, double? MelodyRisingShare, double? MelodyFallingShare,
    double VibratoShare, double? GlissandoShare);
