namespace MusicEmotion.Notes.Harmony;

/// <summary>The chord types <see cref="ChordRecognizer"/> tells apart (intervals above the root in semitones).</summary>
public enum ChordQuality
{
    /// <summary>Major triad (0, 4, 7).</summary>
    Major,

    /// <summary>Minor triad (0, 3, 7).</summary>
    Minor,

    /// <summary>Diminished triad (0, 3, 6).</summary>
    Diminished,

    /// <summary>Augmented triad (0, 4, 8).</summary>
    Augmented,

    /// <summary>Suspended second (0, 2, 7).</summary>
    Suspended2,

    /// <summary>Suspended fourth (0, 5, 7).</summary>
    Suspended4,

    /// <summary>Dominant seventh (0, 4, 7, 10).</summary>
    Dominant7,

    /// <summary>Major seventh (0, 4, 7, 11).</summary>
    Major7,

    /// <summary>Minor seventh (0, 3, 7, 10).</summary>
    Minor7,

    /// <summary>Half-diminished seventh, m7♭5 (0, 3, 6, 10).</summary>
    HalfDiminished7,

    /// <summary>Diminished seventh (0, 3, 6, 9).</summary>
    Diminished7,
}

/// <summary>The family a <see cref="ChordQuality"/> belongs to, for harmonic summaries.</summary>
public enum ChordFamily
{
    /// <summary>Major triads, dominant and major sevenths.</summary>
    Major,

    /// <summary>Minor triads and minor sevenths.</summary>
    Minor,

    /// <summary>Diminished triads, half-diminished and diminished sevenths.</summary>
    Diminished,

    /// <summary>Augmented triads.</summary>
    Augmented,

    /// <summary>Suspended seconds and fourths.</summary>
    Suspended,
}
