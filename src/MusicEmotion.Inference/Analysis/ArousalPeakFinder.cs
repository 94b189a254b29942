namespace MusicEmotion.Inference.Analysis;

/// <summary>Finds separated local maxima of a per-second series (see <see cref="EmotionSummary.ArousalPeaks"/>).</summary>
internal static class ArousalPeakFinder
{
    /// <summary>Indices of at most <paramref name="count"/> peaks, at least <paramref name="separation"/> apart, in time order.</summary>
    public static int[] Find(IReadOnlyList<float> values, int count, int separation)
    {
        var candidates = new List<int>();
        int n = values.Count;
        int start = 0;
        while (start < n)
        {
            int end = start;
            while (end + 1 < n && values[end + 1] == values[start])
            {
                end++;
            }

            bool lowerBefore = start == 0 || values[start - 1] < values[start];
            bool lowerAfter = end == n - 1 || values[end + 1] < values[start];
            bool hasNeighbour = start > 0 || end < n - 1;
            if (lowerBefore && lowerAfter && hasNeighbour)
            {
                candidates.Add(start);
            }

            start = end + 1;
        }

        var chosen = new List<int>();
        foreach (int candidate in candidates.OrderByDescending(i => values[i]).ThenBy(i => i))
        {
            if (chosen.Count == count)
            {
                break;
            }

            if (chosen.All(c => Math.Abs(c - candidate) >= separation))
            {
                chosen.Add(candidate);
            }
        }

        chosen.Sort();
        return chosen.ToArray();
    }
}
