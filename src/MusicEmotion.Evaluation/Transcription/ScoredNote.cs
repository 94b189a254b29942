namespace MusicEmotion.Evaluation.Transcription;

/// <summary>A note as the transcription metrics see it: an interval in seconds and a MIDI pitch.</summary>
/// <param name="Onset">Start, seconds.</param>
/// <param name="Offset">End, seconds (not before <paramref name="Onset"/>).</param>
/// <param name="Pitch">MIDI pitch (exact pitch is compared: one semitone is twice mir_eval's 50-cent tolerance).</param>
internal readonly record struct ScoredNote(double Onset, double Offset, int Pitch)
{
    /// <summary>The note's length in seconds.</summary>
    public double Duration => Offset - Onset;
}
