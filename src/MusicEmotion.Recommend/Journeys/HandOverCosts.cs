using MusicEmotion.Features.Descriptors;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend.Journeys;

/// <summary>The tempo and key parts of a hand-over's cost, and the words for them.</summary>
internal static class HandOverCosts
{
    /// <summary>A folded tempo change this large (16 %) or larger costs the full tempo weight.</summary>
    private static readonly double FullTempoChange = Math.Log(1.16);

    /// <summary>The tempo ratio folded by octaves into [1/√2, √2): double and half tempo count as the same tempo.</summary>
    public static double FoldedRatio(double fromBpm, double toBpm)
    {
        double ratio = toBpm / fromBpm;
        while (ratio >= Math.Sqrt(2))
        {
            ratio /= 2;
        }

        while (ratio < 1 / Math.Sqrt(2))
        {
            ratio *= 2;
        }

        return ratio;
    }

    /// <summary>The tempo cost on [0, 1] (0 when either tempo is unknown).</summary>
    public static double Tempo(TempoKey from, TempoKey to) =>
        from.TempoBpm is { } a && to.TempoBpm is { } b ? Math.Min(1, Math.Abs(Math.Log(FoldedRatio(a, b))) / FullTempoChange) : 0;

    /// <summary>The key cost on [0, 1] (0 when either key is unknown).</summary>
    public static double Key(TempoKey from, TempoKey to) => from.Key is { } a && to.Key is { } b
        ? a.RelationTo(b) switch
        {
            KeyRelation.Same or KeyRelation.Relative => 0,
            KeyRelation.Fifth => 1 / 3.0,
            KeyRelation.Parallel => 0.5,
            _ => 1,
        }
        : 0;
}
