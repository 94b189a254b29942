namespace MusicEmotion.Features.Descriptors;

/// <summary>
/// How two keys relate for a DJ or a key-accuracy check (the circle of fifths, as on a Camelot wheel):
/// <see cref="MusicalKey.RelationTo"/> gives it.
/// </summary>
public enum KeyRelation
{
    /// <summary>The same tonic and mode.</summary>
    Same,

    /// <summary>Relative major and minor (same notes: C major and A minor).</summary>
    Relative,

    /// <summary>A fifth apart in the same mode (neighbours on the circle of fifths: C major and G or F major).</summary>
    Fifth,

    /// <summary>The same tonic in the other mode (C major and C minor).</summary>
    Parallel,

    /// <summary>Any other pair: a key change a listener hears.</summary>
    Distant,
}
