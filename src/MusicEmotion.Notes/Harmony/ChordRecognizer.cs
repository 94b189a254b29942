namespace MusicEmotion.Notes.Harmony;

/// <summary>
/// Names the chord of a span of notes by template matching: the duration-weighted <see cref="PitchClassHistogram"/>
/// against a binary template of every <see cref="ChordQuality"/> on every root, by cosine similarity. Triads are tried
/// before sevenths, so a seventh wins only when its fourth tone really sounds; where two chords fit equally (Dsus2 and
/// Asus4 are the same three pitch classes), the one whose root is the bass (lowest sounding note) wins.
/// </summary>
public static class ChordRecognizer
{
    /// <summary>Seconds of sound (summed over notes) below which no chord is named.</summary>
    public const double MinimumSoundSeconds = 0.15;

    /// <summary>The lowest <see cref="ChordLabel.Fit"/> a chord is named with; below it the notes are no chord of these types.</summary>
    public const double MinimumFit = 0.6;

    private static readonly (ChordQuality Quality, int[] Intervals)[] Templates =
    [
        (ChordQuality.Major, [0, 4, 7]),
        (ChordQuality.Minor, [0, 3, 7]),
        (ChordQuality.Diminished, [0, 3, 6]),
        (ChordQuality.Augmented, [0, 4, 8]),
        (ChordQuality.Suspended4, [0, 5, 7]),
        (ChordQuality.Suspended2, [0, 2, 7]),
        (ChordQuality.Dominant7, [0, 4, 7, 10]),
        (ChordQuality.Major7, [0, 4, 7, 11]),
        (ChordQuality.Minor7, [0, 3, 7, 10]),
        (ChordQuality.HalfDiminished7, [0, 3, 6, 10]),
        (ChordQuality.Diminished7, [0, 3, 6, 9]),
    ];

    /// <summary>
    /// The best chord of <paramref name="histogram"/>, or null: less than <see cref="MinimumSoundSeconds"/> of sound,
    /// fewer than two pitch classes (one note is no chord), or no template fits to <see cref="MinimumFit"/>.
    /// </summary>
    public static ChordLabel? Recognize(PitchClassHistogram histogram) => Recognize(histogram, null);

    /// <summary>Like <see cref="Recognize(PitchClassHistogram)"/>; of equally fitting chords, the one rooted on <paramref name="bassPitchClass"/> wins.</summary>
    public static ChordLabel? Recognize(PitchClassHistogram histogram, int? bassPitchClass)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.Total < MinimumSoundSeconds || histogram.DistinctClasses < 2)
        {
            return null;
        }

        double norm = 0;
        for (int pc = 0; pc < 12; pc++)
        {
            norm += histogram[pc] * histogram[pc];
        }

        norm = Math.Sqrt(norm);
        ChordLabel? best = null;
        foreach ((ChordQuality quality, int[] intervals) in Templates)
        {
            for (int root = 0; root < 12; root++)
            {
                double dot = 0;
                foreach (int interval in intervals)
                {
                    dot += histogram[(root + interval) % 12];
                }

                double fit = dot / (norm * Math.Sqrt(intervals.Length));
                double bar = best?.Fit ?? MinimumFit - 1e-12;
                bool better = fit > bar + 1e-9 || (best is { } b && Math.Abs(fit - bar) <= 1e-9 && root == bassPitchClass && b.Root != bassPitchClass);
                if (better)
                {
                    best = new ChordLabel(root, quality, fit);
                }
            }
        }

        return best;
    }

    /// <summary>The chord of the notes overlapping [<paramref name="from"/>, <paramref name="to"/>) seconds, or null (see <see cref="Recognize(PitchClassHistogram)"/>).</summary>
    public static ChordLabel? Recognize(IEnumerable<NoteEvent> notes, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(notes);
        NoteEvent[] sounding = [.. notes.Where(n => n.StartSeconds < to && n.EndSeconds > from)];
        int? bass = sounding.Length > 0 ? PitchClasses.Of(sounding.Min(n => n.Pitch)) : null;
        return Recognize(PitchClassHistogram.Of(sounding, from, to), bass);
    }
}
