namespace MusicEmotion.Inference.Analysis;

/// <summary>Finds prominent, separated local maxima of a per-second series (see <see cref="EmotionSummary.ArousalPeaks"/>).</summary>
internal static class ArousalPeakFinder
{
    /// <summary>Indices of at most <paramref name="count"/> peaks, at least <paramref name="separation"/> apart, in time order.</summary>
    public static int[] Find(IReadOnlyList<float> values, int count, int separation, double minimumProminence) =>
        Find(values, second => true, count, separation, minimumProminence);

    /// <summary>
    /// The peaks among the seconds <paramref name="isMusic"/> accepts: each run of music is searched on its own, its
    /// edges counting as the ends of the audio. A candidate is a second (or the first second of a flat stretch) with
    /// no higher neighbour inside its run and a lower one on at least one side; it is kept when its
    /// <see cref="Prominence"/> is above 0 and at least <paramref name="minimumProminence"/>.
    /// </summary>
    public static int[] Find(IReadOnlyList<float> values, Func<int, bool> isMusic, int count, int separation, double minimumProminence)
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

            AddRunPeaks(values, runStart, runEnd, minimumProminence, candidates);
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

    /// <summary>
    /// How far the flat stretch <paramref name="start"/>…<paramref name="end"/> of the run
    /// <paramref name="first"/>…<paramref name="last"/> rises above its surroundings, as scipy.signal.peak_prominences
    /// measures it except at the ends of the run: each side is searched outward until a higher second or the end of
    /// the run, and its base is the lowest second passed. A side that meets a higher second bounds the peak; a side
    /// that reaches the end of the run without one does not (the curve never climbs higher there: an end is not a
    /// valley, so a curve that rises and stays high still peaks where it is highest, and the first or last second of a
    /// run is measured only against the side it has). The prominence is the height above the higher base of the
    /// bounding sides, or, when neither side bounds (the highest second of the run), above the lowest second of the run.
    /// </summary>
    internal static double Prominence(IReadOnlyList<float> values, int first, int last, int start, int end)
    {
        float height = values[start];
        (float leftBase, bool leftBounded) = Base(values, start - 1, first, -1, height);
        (float rightBase, bool rightBounded) = Base(values, end + 1, last, +1, height);
        float reference = (leftBounded, rightBounded) switch
        {
            (true, true) => Math.Max(leftBase, rightBase),
            (true, false) => leftBase,
            (false, true) => rightBase,
            _ => Math.Min(leftBase, rightBase),
        };
        return height - (double)reference;
    }

    private static (float Base, bool Bounded) Base(IReadOnlyList<float> values, int from, int limit, int step, float height)
    {
        float lowest = height;
        for (int i = from; step < 0 ? i >= limit : i <= limit; i += step)
        {
            if (values[i] > height)
            {
                return (lowest, true);
            }

            lowest = Math.Min(lowest, values[i]);
        }

        return (lowest, false);
    }

    private static void AddRunPeaks(IReadOnlyList<float> values, int first, int last, double minimumProminence, List<int> candidates)
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
            if (lowerBefore && lowerAfter)
            {
                double prominence = Prominence(values, first, last, start, end);
                if (prominence > 0 && prominence >= minimumProminence)
                {
                    candidates.Add(start);
                }
            }

            start = end + 1;
        }
    }
}
