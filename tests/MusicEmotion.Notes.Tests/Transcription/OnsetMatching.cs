namespace MusicEmotion.Notes.Tests.Transcription;

/// <summary>
/// Note-level precision, recall and F1 on onsets only, as mir_eval's <c>transcription.precision_recall_f1_overlap</c>
/// with <c>offset_ratio=None</c>: a reference and an estimated note may pair when their pitches are equal and their
/// onsets at most <c>tolerance</c> apart, and the pairing is a maximum matching (augmenting paths).
/// </summary>
internal static class OnsetMatching
{
    public static (double Precision, double Recall, double F1, int Matched) Score(IReadOnlyList<NoteEvent> reference, IReadOnlyList<NoteEvent> estimated, double tolerance = 0.05)
    {
        var candidates = new List<int>[reference.Count];
        for (int r = 0; r < reference.Count; r++)
        {
            candidates[r] = [];
            for (int e = 0; e < estimated.Count; e++)
            {
                if (estimated[e].Pitch == reference[r].Pitch && Math.Abs(estimated[e].StartSeconds - reference[r].StartSeconds) <= tolerance)
                {
                    candidates[r].Add(e);
                }
            }
        }

        int[] owner = Enumerable.Repeat(-1, estimated.Count).ToArray();
        int matched = 0;
        for (int r = 0; r < reference.Count; r++)
        {
            if (Augment(r, candidates, owner, new bool[estimated.Count]))
            {
                matched++;
            }
        }

        double precision = estimated.Count == 0 ? 0 : (double)matched / estimated.Count;
        double recall = reference.Count == 0 ? 0 : (double)matched / reference.Count;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1, matched);
    }

    private static bool Augment(int r, List<int>[] candidates, int[] owner, bool[] seen)
    {
        foreach (int e in candidates[r])
        {
            if (seen[e])
            {
                continue;
            }

            seen[e] = true;
            if (owner[e] < 0 || Augment(owner[e], candidates, owner, seen))
            {
                owner[e] = r;
                return true;
            }
        }

        return false;
    }
}
