namespace MusicEmotion.Evaluation.Transcription;

/// <summary>One MIDI file's scores.</summary>
/// <param name="Clip">The file name without extension.</param>
/// <param name="DurationSeconds">Length of the rendered audio.</param>
/// <param name="Onset">Scores with onsets and pitch only.</param>
/// <param name="WithOffset">Scores with offsets too.</param>
internal sealed record NoteClipResult(string Clip, double DurationSeconds, NoteScores Onset, NoteScores WithOffset);
