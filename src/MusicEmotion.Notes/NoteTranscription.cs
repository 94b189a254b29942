namespace MusicEmotion.Notes;

/// <summary>What <see cref="NoteTranscriber"/> found in one piece of audio.</summary>
/// <param name="Source">The file name or source name it was given.</param>
/// <param name="DurationSeconds">Length of the audio, in seconds.</param>
/// <param name="TempoBpm">
/// Tempo in beats per minute from MusicEmotion.Features' estimate on the same samples (the one an emotion analysis
/// reports), or 0 when none was found (too short, or no pulse). MIDI export writes it as the file's tempo.
/// </param>
/// <param name="Notes">The notes, in order of onset (then pitch).</param>
public sealed record NoteTranscription(string Source, double DurationSeconds, double TempoBpm, IReadOnlyList<NoteEvent> Notes);
