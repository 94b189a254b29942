namespace MusicEmotion.Notes;

/// <summary>A point of a note's pitch curve: at <see cref="TimeSeconds"/>, the sounding pitch is the note's pitch plus <see cref="Semitones"/>.</summary>
/// <param name="TimeSeconds">Time from the start of the audio, in seconds.</param>
/// <param name="Semitones">
/// Deviation from the note's nominal pitch (equal temperament, A4 = 440 Hz), in semitones: the model resolves thirds of
/// a semitone, from −8⅔ to +8.
/// </param>
public readonly record struct PitchBend(double TimeSeconds, float Semitones);

/// <summary>
/// One transcribed note: a MIDI pitch sounding from <see cref="StartSeconds"/> to <see cref="EndSeconds"/>, with the
/// model's mean activation as <see cref="Amplitude"/> and, when asked for, its pitch curve.
/// </summary>
/// <param name="StartSeconds">Onset, in seconds from the start of the audio.</param>
/// <param name="EndSeconds">Offset, in seconds from the start of the audio (after <paramref name="StartSeconds"/>).</param>
/// <param name="Pitch">MIDI note number, 21 (A0) to 108 (C8).</param>
/// <param name="Amplitude">Mean frame activation of the note's key over its duration, on (0, 1]; MIDI export maps it to velocity.</param>
/// <param name="PitchBends">
/// The pitch curve, one point per model frame (about 11.6 ms) from the onset, or empty when pitch bends were not asked
/// for (<see cref="NoteTranscriptionOptions.IncludePitchBends"/>).
/// </param>
public sealed record NoteEvent(double StartSeconds, double EndSeconds, int Pitch, float Amplitude, IReadOnlyList<PitchBend> PitchBends)
{
    /// <summary>How long the note sounds, in seconds.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;

    /// <summary>The nominal frequency of <see cref="Pitch"/> in Hz (A4 = 440 Hz, equal temperament).</summary>
    public double FrequencyHz => 440.0 * Math.Pow(2, (Pitch - 69) / 12.0);

    /// <inheritdoc />
    public bool Equals(NoteEvent? other) =>
        other is not null && StartSeconds.Equals(other.StartSeconds) && EndSeconds.Equals(other.EndSeconds) && Pitch == other.Pitch
        && Amplitude.Equals(other.Amplitude) && PitchBends.SequenceEqual(other.PitchBends);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StartSeconds, EndSeconds, Pitch, Amplitude, PitchBends.Count);
}
