using MusicEmotion.Features.Descriptors;

namespace MusicEmotion.Evaluation.TempoKey;

/// <summary>One piece: what it states and what the library estimated from its audio.</summary>
/// <param name="Set">generated, emopia or vgmidi.</param>
/// <param name="Name">The piece.</param>
/// <param name="StatedTempo">The tempo it states (null: none, or it changes).</param>
/// <param name="StatedKey">The key it states (null: no key signature).</param>
/// <param name="EstimatedTempo">The estimated tempo (0: no beat found).</param>
/// <param name="EstimatedKey">The estimated key, with its strength.</param>
internal sealed record TempoKeyResult(string Set, string Name, double? StatedTempo, MusicalKey? StatedKey, double EstimatedTempo, MusicalKey EstimatedKey)
{
    /// <summary>
    /// The key found from a transcription of the same audio (Basic Pitch notes, duration-weighted pitch classes:
    /// <c>mer eval tempo-key --notes</c>); null when the notes were not asked for or name no key.
    /// </summary>
    public MusicalKey? NoteKey { get; init; }

    /// <summary>Whether <see cref="NoteKey"/> was estimated for this piece (asked for; it may still be null: no key found).</summary>
    public bool NotesTranscribed { get; init; }

    /// <summary>Tolerance of a tempo match (4 %).</summary>
    public const double TempoTolerance = 0.04;

    /// <summary>Estimated within 4 % of the stated tempo.</summary>
    public bool TempoExact => StatedTempo is { } s && Near(EstimatedTempo / s, 1);

    /// <summary>Estimated within 4 % of the stated tempo, of its double or of its half.</summary>
    public bool TempoOctave => StatedTempo is { } s && (Near(EstimatedTempo / s, 1) || Near(EstimatedTempo / s, 2) || Near(EstimatedTempo / s, 0.5));

    /// <summary>The estimated key is the stated one.</summary>
    public bool KeyExact => StatedKey is { } k && EstimatedKey.RelationTo(k) == KeyRelation.Same;

    /// <summary>The estimated key is the stated one, its relative, or a fifth away in the same mode.</summary>
    public bool KeyClose => StatedKey is { } k && EstimatedKey.RelationTo(k) is KeyRelation.Same or KeyRelation.Relative or KeyRelation.Fifth;

    /// <summary>The key from the notes is the stated one.</summary>
    public bool NoteKeyExact => StatedKey is { } k && NoteKey is { } n && n.RelationTo(k) == KeyRelation.Same;

    /// <summary>The key from the notes is the stated one, its relative, or a fifth away in the same mode.</summary>
    public bool NoteKeyClose => StatedKey is { } k && NoteKey is { } n && n.RelationTo(k) is KeyRelation.Same or KeyRelation.Relative or KeyRelation.Fifth;

    private static bool Near(double ratio, double target) => Math.Abs((ratio / target) - 1) <= TempoTolerance;
}
