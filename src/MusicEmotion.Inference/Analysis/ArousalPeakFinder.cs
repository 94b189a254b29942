namespace MusicEmotion.Inference.Analysis;

/// <summary>Finds separated local maxima of a per-second series (see <see cref="EmotionSummary.ArousalPeaks"/>).</summary>
internal static class ArousalPeakFinder
{
    /// <summary>Indices of at most <paramref name="count"/> peaks, at least <paramref name="separation"/> apart, in time order.</summary>
    public static int[] Find(IReadOnlyList<float> values, int count, int separation) =>
        Find(values, second => true, count, separation);

    /// <summary>
    /// The peaks among the seconds <paramref name="isMusic"/> accepts: each run of music is searched on its own, its
    /// edges counting as the ends of the audio (a second beside a silence is a peak when it is higher than its
    /// neighbour inside the run).
    /// </summary>
    public static int[] Find(IReadOnlyList<float> values, Func<int, bool> isMusic, int count, int separation)
    {
        var candidates = new List<int>();
        int n = values.Count;
        int runStart = 0;
        while (runStart < n)
        {
            if (!isMusic(runStart))
            {
                runStart++;
                continue;
            }

            int runEnd = runStart;
            while (runEnd + 1 < n && isMusic(runEnd + 1))
            {
                runEnd++;
            }

            AddRunPeaks(values, runStart, runEnd, candidates);
            runStart = runEnd + 1;
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

    private static void AddRunPeaks(IReadOnlyList<float> values, int first, int last, List<int> candidates)
    {
        int start = first;
        while (start <= last)
        {
            int end = start;
            while (end + 1 <= last && values[end + 1] == values[start])
            {
                end++;
            }

            bool lowerBefore = start == first || values[start - 1] < values[start];
            bool lowerAfter = end == last || values[end + 1] < values[start];
            bool hasNeighbour = start > first || end < last;
            if (lowerBefore && lowerAfter && hasNeighbour)
            {
                candidates.Add(start);
            }

            start = end + 1;
        }
    }
}
