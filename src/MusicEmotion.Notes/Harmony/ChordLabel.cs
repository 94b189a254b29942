namespace MusicEmotion.Notes.Harmony;

/// <summary>A chord: root, quality and how well the notes fit it.</summary>
/// <param name="Root">Pitch class of the root, 0 = C … 11 = B.</param>
/// <param name="Quality">The chord type.</param>
/// <param name="Fit">
/// Cosine similarity (0 … 1) between the duration-weighted pitch-class histogram and the chord's template: 1 when
/// exactly the chord's tones sound, equally long.
/// </param>
public readonly record struct ChordLabel(int Root, ChordQuality Quality, double Fit)
{
    /// <summary>The chord's family (major, minor, diminished, augmented, suspended).</summary>
    public ChordFamily Family => Quality switch
    {
        ChordQuality.Major or ChordQuality.Dominant7 or ChordQuality.Major7 => ChordFamily.Major,
        ChordQuality.Minor or ChordQuality.Minor7 => ChordFamily.Minor,
        ChordQuality.Diminished or ChordQuality.HalfDiminished7 or ChordQuality.Diminished7 => ChordFamily.Diminished,
        ChordQuality.Augmented => ChordFamily.Augmented,
        _ => ChordFamily.Suspended,
    };

    /// <summary>Whether the chord has a seventh (dominant, major, minor, half-diminished or diminished seventh).</summary>
    public bool HasSeventh => Quality >= ChordQuality.Dominant7;

    /// <summary>The usual lead-sheet symbol: <c>C</c>, <c>Am</c>, <c>Bdim</c>, <c>Caug</c>, <c>Dsus2</c>, <c>Dsus4</c>, <c>G7</c>, <c>Fmaj7</c>, <c>Em7</c>, <c>Bm7b5</c>, <c>C#dim7</c>.</summary>
    public string Name => PitchClasses.NameOf(Root) + Quality switch
    {
        ChordQuality.Major => string.Empty,
        ChordQuality.Minor => "m",
        ChordQuality.Diminished => "dim",
        ChordQuality.Augmented => "aug",
        ChordQuality.Suspended2 => "sus2",
        ChordQuality.Suspended4 => "sus4",
        ChordQuality.Dominant7 => "7",
        ChordQuality.Major7 => "maj7",
        ChordQuality.Minor7 => "m7",
        ChordQuality.HalfDiminished7 => "m7b5",
        _ => "dim7",
    };

    /// <inheritdoc />
    public override string ToString() => Name;
}
