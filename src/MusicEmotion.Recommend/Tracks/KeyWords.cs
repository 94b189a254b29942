using MusicEmotion.Features.Descriptors;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>
/// Words for how two tracks' keys relate (<see cref="MusicalKey.RelationTo"/>), shared by the journey's hand-overs and the
/// recommender's explanations so that both name a relation alike. Keys come from an <see cref="ITempoKeySource"/>, which
/// leaves out keys too weak to trust.
/// </summary>
internal static class KeyWords
{
    /// <summary>How <paramref name="to"/> follows <paramref name="from"/> in a journey: every relation is named, a distant one as a key change.</summary>
    public static string HandOver(MusicalKey from, MusicalKey to) => from.RelationTo(to) switch
    {
        KeyRelation.Same => $"same key as the last song ({to.Name})",
        KeyRelation.Relative => $"the relative key of the last song ({Change(from, to)})",
        KeyRelation.Fifth => $"a fifth from the last song ({Change(from, to)})",
        KeyRelation.Parallel => $"the parallel key of the last song ({Change(from, to)})",
        _ => $"a key change ({Change(from, to)})",
    };

    /// <summary>
    /// How a recommended track's key <paramref name="candidate"/> matches the liked key <paramref name="liked"/>, or null when
    /// it says nothing worth saying: the same key and the closely related ones (relative, a fifth apart) are named; the
    /// parallel key (another mode, another mood) and distant keys are not.
    /// </summary>
    public static string? Likeness(MusicalKey liked, MusicalKey candidate) => liked.RelationTo(candidate) switch
    {
        KeyRelation.Same => $"in the same key ({candidate.Name})",
        KeyRelation.Relative => $"in a related key (relative: {Change(liked, candidate)})",
        KeyRelation.Fifth => $"in a related key (a fifth: {Change(liked, candidate)})",
        _ => null,
    };

    /// <summary>
    /// The one key that all of <paramref name="keys"/> share (the same tonic and mode), or null when any is unknown or they
    /// differ: a recommendation for several liked songs names a key only when they all have it.
    /// </summary>
    public static MusicalKey? Common(IEnumerable<MusicalKey?> keys)
    {
        MusicalKey? common = null;
        foreach (MusicalKey? key in keys)
        {
            if (key is not { } k || (common is { } c && c.RelationTo(k) != KeyRelation.Same))
            {
                return null;
            }

            common ??= k;
        }

        return common;
    }

    private static string Change(MusicalKey from, MusicalKey to) => $"{from.Name} to {to.Name}";
}
