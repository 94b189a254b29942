using MusicEmotion.Notes.Texture;

namespace MusicEmotion.Notes.Analysis;

/// <summary>What the notes show in second <see cref="Second"/> (the span [Second, Second + 1) seconds).</summary>
/// <param name="Second">Zero-based second of the audio.</param>
/// <param name="Texture">Density, polyphony, coverage and articulation of all notes in the second.</param>
/// <param name="PitchMean">Duration-weighted mean MIDI pitch of all notes sounding in the second, or null in silence.</param>
/// <param name="PitchSpread">Duration-weighted standard deviation of those pitches (semitones), or null in silence.</param>
/// <param name="PitchRangeSemitones">Highest minus lowest pitch sounding in the second, or null in silence.</param>
/// <param name="Harmony">Key, chord and dissonance.</param>
/// <param name="Melody">The melody line's register, intervals, contour, vibrato and glissandi.</param>
public readonly record struct NoteSecond(int Second, NoteTexture Texture, double? PitchMean, double? PitchSpread, int? PitchRangeSemitones, HarmonySecond Harmony, MelodySecond Melody);
