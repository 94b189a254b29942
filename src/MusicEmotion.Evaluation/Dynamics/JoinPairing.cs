using MusicEmotion.Evaluation.Datasets;

namespace MusicEmotion.Evaluation.Dynamics;

/// <summary>
/// Pairs the low-arousal (Q3, Q4) and high-arousal (Q1, Q2) clips of a 4Q-layout set, deterministically: both lists
/// in ordinal id order, then rising joins <c>low[i] + high[i]</c> and falling joins <c>high[i] + low[(i + 1) mod n]</c>
/// for i &lt; n = min(#low, #high). Every clip appears at most once in each direction, and a falling join never
/// repeats a rising join's pair.
/// </summary>
internal static class JoinPairing
{
    /// <summary>The joins of <paramref name="clips"/> (empty when either arousal side has no clip).</summary>
    public static IReadOnlyList<ClipJoin> Pair(IReadOnlyList<QuadrantClip> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        QuadrantClip[] low = clips.Where(c => !c.Quadrant.IsHighArousal()).OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        QuadrantClip[] high = clips.Where(c => c.Quadrant.IsHighArousal()).OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        int n = Math.Min(low.Length, high.Length);
        var joins = new List<ClipJoin>(2 * n);
        for (int i = 0; i < n; i++)
        {
            joins.Add(new ClipJoin(low[i], high[i], JoinDirection.Rising));
        }

        for (int i = 0; i < n; i++)
        {
            joins.Add(new ClipJoin(high[i], low[(i + 1) % n], JoinDirection.Falling));
        }

        return joins;
    }
}
