namespace MusicEmotion.Notes.Harmony;

/// <summary>Names of the twelve pitch classes (0 = C … 11 = B), spelt with sharps.</summary>
public static class PitchClasses
{
    private static readonly string[] Names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    /// <summary>The name of pitch class <paramref name="pitchClass"/> (taken modulo 12): <c>C</c>, <c>C#</c>, … <c>B</c>.</summary>
    public static string NameOf(int pitchClass) => Names[((pitchClass % 12) + 12) % 12];

    /// <summary>The pitch class of a MIDI note number (0 = C).</summary>
    public static int Of(int midiPitch) => ((midiPitch % 12) + 12) % 12;
}
