using System.Numerics.Tensors;
using MusicEmotion.Recommend.Search;

namespace MusicEmotion.Recommend.Recommending;

/// <summary>
/// Maximal marginal relevance (Carbonell &amp; Goldstein 1998): picks results one at a time, each maximising
/// <c>(1 − λ)·sim(query, c) − λ·max_{s chosen} sim(c, s)</c>, so that with λ &gt; 0 near-duplicates of results already
/// chosen give way to other good matches.
/// </summary>
internal static class MaximalMarginalRelevance
{
    /// <summary>Reorders <paramref name="candidates"/> (best-first by relevance) and returns the first <paramref name="k"/> picks.</summary>
    /// <param name="candidates">The candidate pool with its relevance scores.</param>
    /// <param name="vectors">The candidates' vectors, row <c>i</c> for candidate <c>i</c>, each <paramref name="dimension"/> long.</param>
    /// <param name="dimension">Vector length.</param>
    /// <param name="lambda">Diversity λ in [0, 1].</param>
    /// <param name="k">How many to pick.</param>
    /// <returns>The picks in order, each with its redundancy: the highest similarity to a pick before it (null for the first).</returns>
    public static (int Index, double? Redundancy)[] Select(ReadOnlySpan<VectorMatch> candidates, ReadOnlySpan<float> vectors, int dimension, double lambda, int k)
    {
        int n = candidates.Length;
        k = Math.Min(k, n);
        var chosen = new List<(int Index, double? Redundancy)>(k);
        var maxSimilarity = new double[n];
        Array.Fill(maxSimilarity, double.NegativeInfinity);
        var taken = new bool[n];
        for (int step = 0; step < k; step++)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int i = 0; i < n; i++)
            {
                if (taken[i])
                {
                    continue;
                }

                double redundancy = chosen.Count == 0 ? 0 : maxSimilarity[i];
                double score = ((1 - lambda) * candidates[i].Score) - (lambda * redundancy);
                if (score > bestScore)
                {
                    (best, bestScore) = (i, score);
                }
            }

            taken[best] = true;
            chosen.Add((best, chosen.Count == 0 ? null : maxSimilarity[best]));
            ReadOnlySpan<float> picked = vectors.Slice(best * dimension, dimension);
            for (int i = 0; i < n; i++)
            {
                if (!taken[i])
                {
                    double similarity = TensorPrimitives.Dot(vectors.Slice(i * dimension, dimension), picked);
                    maxSimilarity[i] = Math.Max(maxSimilarity[i], similarity);
                }
            }
        }

        return chosen.ToArray();
    }
}
