namespace MusicEmotion.Evaluation.Metrics;

/// <summary>
/// Ranking quality of one ranked list against the items relevant to its query. Average each over queries for the
/// usual figures (mean precision@k, MAP, mean nDCG, hit rate). Duplicates in a ranking count once, at their first
/// position.
/// </summary>
internal static class RankingMetrics
{
    /// <summary>Precision@k: relevant items among the first k, divided by k (a list shorter than k is padded with misses).</summary>
    public static double PrecisionAtK<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> relevant, int k)
        where T : notnull
    {
        Check(ranked, relevant, k);
        return (double)HitsInTop(ranked, relevant, k) / k;
    }

    /// <summary>Recall@k: relevant items among the first k, divided by the number of relevant items (0 when none is relevant).</summary>
    public static double RecallAtK<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> relevant, int k)
        where T : notnull
    {
        Check(ranked, relevant, k);
        return relevant.Count == 0 ? 0 : (double)HitsInTop(ranked, relevant, k) / relevant.Count;
    }

    /// <summary>Hit rate@k: 1 when at least one of the first k is relevant, else 0.</summary>
    public static double HitRateAtK<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> relevant, int k)
        where T : notnull
    {
        Check(ranked, relevant, k);
        return HitsInTop(ranked, relevant, k) > 0 ? 1 : 0;
    }

    /// <summary>
    /// Average precision@k: the mean of precision@i over the positions i ≤ k that hold a relevant item, divided by
    /// <c>min(|relevant|, k)</c> (so a perfect top-k scores 1); 0 when nothing is relevant.
    /// </summary>
    public static double AveragePrecisionAtK<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> relevant, int k)
        where T : notnull
    {
        Check(ranked, relevant, k);
        if (relevant.Count == 0)
        {
            return 0;
        }

        double sum = 0;
        int hits = 0;
        var seen = new HashSet<T>(relevant.Count, (relevant as HashSet<T>)?.Comparer);
        for (int i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i]) && seen.Add(ranked[i]))
            {
                hits++;
                sum += (double)hits / (i + 1);
            }
        }

        return sum / Math.Min(relevant.Count, k);
    }

    /// <summary>nDCG@k with binary relevance: DCG of the first k (gain 1 for a relevant item at position i, discounted by <c>1/log2(i + 1)</c>) over the ideal DCG.</summary>
    public static double NdcgAtK<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> relevant, int k)
        where T : notnull
    {
        Check(ranked, relevant, k);
        return NdcgAtK(ranked, relevant.ToDictionary(r => r, _ => 1.0, (relevant as HashSet<T>)?.Comparer), k);
    }

    /// <summary>
    /// nDCG@k with graded relevance: <c>DCG = Σ_{i=1..k} gain(item_i) / log2(i + 1)</c> (linear gains), divided by the DCG of
    /// the k largest gains in ideal order; 0 when no gain is positive. Items without a gain count 0.
    /// </summary>
    public static double NdcgAtK<T>(IReadOnlyList<T> ranked, IReadOnlyDictionary<T, double> gains, int k)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(gains);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (gains.Values.Any(g => !double.IsFinite(g) || g < 0))
        {
            throw new ArgumentException("Gains must be finite and non-negative.", nameof(gains));
        }

        double ideal = gains.Values.OrderDescending().Take(k).Select((g, i) => g / Math.Log2(i + 2)).Sum();
        if (ideal <= 0)
        {
            return 0;
        }

        double dcg = 0;
        var seen = new HashSet<T>();
        for (int i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (seen.Add(ranked[i]) && gains.TryGetValue(ranked[i], out double gain))
            {
                dcg += gain / Math.Log2(i + 2);
            }
        }

        return dcg / ideal;
    }

    /// <summary>Expected precision@k of a uniformly random ranking of <paramref name="candidates"/> items of which <paramref name="relevant"/> are relevant: <c>relevant / candidates</c>.</summary>
    public static double RandomPrecisionAtK(int candidates, int relevant, int k)
    {
        CheckRandom(candidates, relevant, k);
        return (double)relevant / candidates;
    }

    /// <summary>
    /// Expected binary nDCG@k of a uniformly random ranking: every position holds a relevant item with probability
    /// <c>relevant / candidates</c>, so <c>E[DCG] = (relevant / candidates)·Σ_{i=1..k'} 1/log2(i + 1)</c> with
    /// <c>k' = min(k, candidates)</c>, over the ideal DCG of <c>min(relevant, k)</c> hits.
    /// </summary>
    public static double RandomNdcgAtK(int candidates, int relevant, int k)
    {
        CheckRandom(candidates, relevant, k);
        if (relevant == 0)
        {
            return 0;
        }

        double p = (double)relevant / candidates;
        double expected = Enumerable.Range(1, Math.Min(k, candidates)).Sum(i => p / Math.Log2(i + 1));
        double ideal = Enumerable.Range(1, Math.Min(relevant, k)).Sum(i => 1 / Math.Log2(i + 1));
        return expected / ideal;
    }

    private static int HitsInTop<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> relevant, int k)
        where T : notnull
    {
        var seen = new HashSet<T>((relevant as HashSet<T>)?.Comparer);
        int hits = 0;
        for (int i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i]) && seen.Add(ranked[i]))
            {
                hits++;
            }
        }

        return hits;
    }

    private static void Check<T>(IReadOnlyList<T> ranked, IReadOnlySet<T> relevant, int k)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
    }

    private static void CheckRandom(int candidates, int relevant, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(candidates, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(relevant);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(relevant, candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
    }
}
