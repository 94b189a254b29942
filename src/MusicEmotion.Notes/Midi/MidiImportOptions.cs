namespace MusicEmotion.Notes.Midi;

/// <summary>How <see cref="NoteMidiFile"/> reads the notes of a MIDI file.</summary>
public sealed class MidiImportOptions
{
    /// <summary>
    /// Whether a note's offset follows the sustain pedal (controller 64, down at values of 64 and above) of its channel:
    /// a note released while the pedal is down sounds until the pedal is lifted, or until the same key is struck again on
    /// that channel, whichever comes first (what a synthesiser plays, and the usual reference offsets of piano
    /// transcription, e.g. MAESTRO's). Default false: offsets are the note-off events.
    /// </summary>
    public bool ApplySustainPedal { get; set; }
}
