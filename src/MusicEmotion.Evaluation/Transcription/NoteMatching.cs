namespace MusicEmotion.Evaluation.Transcription;

/// <summary>
/// Note-level scores of a transcription (mir_eval's <c>precision_recall_f1_overlap</c>): the largest one-to-one
/// matching between reference and estimated notes under <see cref="NoteMatchCriteria"/>, found with augmenting paths
/// (a greedy pairing first would undercount: one estimate can be the only partner of one reference and the closer
/// partner of another).
/// </summary>
internal static class NoteMatching
{
    /// <summary>Scores <paramref name="estimated"/> against <paramref name="reference"/>.</summary>
    public static NoteScores Score(IReadOnlyList<ScoredNote> reference, IReadOnlyList<ScoredNote> estimated, NoteMatchCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(estimated);
        ArgumentNullException.ThrowIfNull(criteria);
        return new NoteScores(reference.Count, estimated.Count, MaximumMatching(reference, estimated, criteria).Count);
    }

    /// <summary>The pairs (reference index, estimated index) of a maximum one-to-one matching, by reference index.</summary>
    public static IReadOnlyList<(int Reference, int Estimated)> MaximumMatching(IReadOnlyList<ScoredNote> reference, IReadOnlyList<ScoredNote> estimated, NoteMatchCriteria criteria)
    {
        int[][] candidates = Candidates(reference, estimated, criteria);
        int[] partnerOfEstimate = new int[estimated.Count];
        Array.Fill(partnerOfEstimate, -1);
        int[] visitedIn = new int[estimated.Count];
        Array.Fill(visitedIn, -1);
        for (int r = 0; r < reference.Count; r++)
        {
            if (candidates[r].Length > 0)
            {
                Augment(r, r, candidates, partnerOfEstimate, visitedIn);
            }
        }

        var pairs = new List<(int, int)>();
        for (int e = 0; e < estimated.Count; e++)
        {
            if (partnerOfEstimate[e] >= 0)
            {
                pairs.Add((partnerOfEstimate[e], e));
            }
        }

        pairs.Sort();
        return pairs;
    }

    /// <summary>For each reference note, the estimates it may be matched with (notes sorted by onset are searched, not all pairs).</summary>
    private static int[][] Candidates(IReadOnlyList<ScoredNote> reference, IReadOnlyList<ScoredNote> estimated, NoteMatchCriteria criteria)
    {
        int[] byOnset = Enumerable.Range(0, estimated.Count).OrderBy(e => estimated[e].Onset).ToArray();
        double[] onsets = byOnset.Select(e => estimated[e].Onset).ToArray();
        double reach = criteria.OnsetToleranceSeconds + 1e-4; // the rounding may admit a hair beyond the tolerance
        var result = new int[reference.Count][];
        var found = new List<int>();
        for (int r = 0; r < reference.Count; r++)
        {
            found.Clear();
            int i = LowerBound(onsets, reference[r].Onset - reach);
            for (; i < onsets.Length && onsets[i] <= reference[r].Onset + reach; i++)
            {
                if (criteria.Matches(reference[r], estimated[byOnset[i]]))
                {
                    found.Add(byOnset[i]);
                }
            }

            result[r] = found.ToArray();
        }

        return result;
    }

    /// <summary>Kuhn's augmenting path from reference <paramref name="start"/> (iterative: a long chain cannot overflow the stack).</summary>
    private static bool Augment(int start, int round, int[][] candidates, int[] partnerOfEstimate, int[] visitedIn)
    {
        // Each stack entry: a reference note on the path and the next of its candidates to try.
        var stack = new Stack<(int Reference, int Next)>();
        stack.Push((start, 0));
        while (stack.Count > 0)
        {
            (int r, int next) = stack.Pop();
            if (next >= candidates[r].Length)
            {
                continue; // dead end: back to the note that reached this one
            }

            stack.Push((r, next + 1));
            int e = candidates[r][next];
            if (visitedIn[e] == round)
            {
                continue;
            }

            visitedIn[e] = round;
            if (partnerOfEstimate[e] < 0)
            {
                // A free estimate: flip the path. The stack holds the path's notes, each with its next candidate index
                // one past the estimate it now takes.
                foreach ((int pr, int pnext) in stack)
                {
                    partnerOfEstimate[candidates[pr][pnext - 1]] = pr;
                }

                return true;
            }

            stack.Push((partnerOfEstimate[e], 0));
        }

        return false;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
