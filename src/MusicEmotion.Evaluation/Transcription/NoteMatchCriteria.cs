namespace MusicEmotion.Evaluation.Transcription;

/// <summary>
/// When an estimated note counts as a reference note (mir_eval's <c>transcription.match_notes</c>, non-strict): the
/// same pitch, onsets at most <see cref="OnsetToleranceSeconds"/> apart and, when <see cref="OffsetRatio"/> is set,
/// offsets at most <c>max(OffsetMinToleranceSeconds, OffsetRatio × reference duration)</c> apart. Distances are
/// rounded to 4 decimals before the comparison, as mir_eval does, so a distance of exactly the tolerance matches.
/// </summary>
internal sealed record NoteMatchCriteria
{
    /// <summary>The MIREX/mir_eval onset-only criteria: 50 ms, offsets ignored.</summary>
    public static NoteMatchCriteria OnsetOnly { get; } = new() { OffsetRatio = null };

    /// <summary>The MIREX/mir_eval criteria with offsets: 50 ms onsets, offsets within max(50 ms, 20 % of the reference duration).</summary>
    public static NoteMatchCriteria WithOffsets { get; } = new();

    /// <summary>Largest onset distance, seconds (default 0.05).</summary>
    public double OnsetToleranceSeconds { get; init; } = 0.05;

    /// <summary>Share of the reference note's duration its offset may be missed by; null ignores offsets (default 0.2).</summary>
    public double? OffsetRatio { get; init; } = 0.2;

    /// <summary>Smallest offset tolerance, seconds (default 0.05).</summary>
    public double OffsetMinToleranceSeconds { get; init; } = 0.05;

    /// <summary>Whether <paramref name="estimated"/> may be matched with <paramref name="reference"/>.</summary>
    public bool Matches(ScoredNote reference, ScoredNote estimated)
    {
        if (reference.Pitch != estimated.Pitch || Distance(reference.Onset, estimated.Onset) > OnsetToleranceSeconds)
        {
            return false;
        }

        return OffsetRatio is not { } ratio
            || Distance(reference.Offset, estimated.Offset) <= Math.Max(OffsetMinToleranceSeconds, ratio * reference.Duration);
    }

    // mir_eval rounds distances to 4 decimals (N_DECIMALS) so that 0.05 - 1e-17 and 0.05 + 1e-17 both read as 0.05.
    private static double Distance(double a, double b) => Math.Round(Math.Abs(a - b), 4, MidpointRounding.ToEven);
}
