namespace MusicEmotion.Evaluation.Transcription;

/// <summary>Note-level precision, recall and F1 of a transcription against its reference (mir_eval's definitions).</summary>
/// <param name="Reference">Reference notes.</param>
/// <param name="Estimated">Transcribed notes.</param>
/// <param name="Matched">Pairs in a maximum one-to-one matching.</param>
internal sealed record NoteScores(int Reference, int Estimated, int Matched)
{
    /// <summary>Matched / estimated; 0 when either side has no notes (as mir_eval).</summary>
    public double Precision => Reference == 0 || Estimated == 0 ? 0 : (double)Matched / Estimated;

    /// <summary>Matched / reference; 0 when either side has no notes (as mir_eval).</summary>
    public double Recall => Reference == 0 || Estimated == 0 ? 0 : (double)Matched / Reference;

    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Sums of the counts (pooled scores over clips: every note weighs the same).</summary>
    public static NoteScores Pool(IEnumerable<NoteScores> scores)
    {
        int reference = 0, estimated = 0, matched = 0;
        foreach (NoteScores s in scores)
        {
            reference += s.Reference;
            estimated += s.Estimated;
            matched += s.Matched;
        }

        return new NoteScores(reference, estimated, matched);
    }
}
