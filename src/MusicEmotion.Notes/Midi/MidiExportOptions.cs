namespace MusicEmotion.Notes.Midi;

/// <summary>How <see cref="NoteMidiFile"/> writes a transcription as a standard MIDI file.</summary>
public sealed class MidiExportOptions
{
    /// <summary>Time resolution, ticks per quarter note. Default 480 (about 1 ms at 120 BPM).</summary>
    public int TicksPerQuarterNote { get; set; } = 480;

    /// <summary>The file's tempo; null (default) = the transcription's tempo estimate, or 120 BPM when it has none.</summary>
    public double? TempoBpm { get; set; }

    /// <summary>
    /// Whether the notes' pitch curves become pitch-bend events. Default true. Pitch bend acts on a whole channel, so a
    /// note that bends gets a channel of its own while it sounds (channels 2–16 but 10, the percussion channel);
    /// notes that never bend share channel 1. Beyond 15 bending notes at once, the one ending first shares its channel.
    /// </summary>
    public bool IncludePitchBends { get; set; } = true;

    /// <summary>
    /// The pitch-bend range, in semitones, written to every bending channel (registered parameter 0); bends beyond it
    /// are clipped. Default 2, General MIDI's default range.
    /// </summary>
    public int PitchBendRangeSemitones { get; set; } = 2;

    /// <summary>General MIDI program (0–127) of every channel used. Default 0, Acoustic Grand Piano.</summary>
    public int Program { get; set; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (TicksPerQuarterNote is < 24 or > 32767)
        {
            throw new ArgumentException($"TicksPerQuarterNote must be between 24 and 32767 (got {TicksPerQuarterNote}).");
        }

        if (TempoBpm is { } bpm && !(bpm >= 4 && bpm <= 1000))
        {
            throw new ArgumentException($"TempoBpm must be between 4 and 1000 (got {bpm}).");
        }

        if (PitchBendRangeSemitones is < 1 or > 24)
        {
            throw new ArgumentException($"PitchBendRangeSemitones must be between 1 and 24 (got {PitchBendRangeSemitones}).");
        }

        if (Program is < 0 or > 127)
        {
            throw new ArgumentException($"Program must be between 0 and 127 (got {Program}).");
        }
    }
}
