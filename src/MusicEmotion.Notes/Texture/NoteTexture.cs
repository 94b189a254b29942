namespace MusicEmotion.Notes.Texture;

/// <summary>How dense, how polyphonic and how connected the notes of a span are.</summary>
/// <param name="OnsetRate">Note onsets per second in the span.</param>
/// <param name="Polyphony">Mean number of notes sounding at once over the span (silence counts as 0).</param>
/// <param name="Coverage">Share of the span (0 … 1) in which at least one note sounds.</param>
/// <param name="Articulation">
/// Mean of each note's length divided by its inter-onset interval (the time to the next later onset of any note, at
/// least 25 ms later), capped at 2, over the notes starting in the span that have a next onset; about 1 is legato,
/// below 0.5 staccato; null when no such note.
/// </param>
/// <param name="MeanDurationSeconds">Mean length of the notes starting in the span (seconds), or null when none starts there.</param>
public readonly record struct NoteTexture(double OnsetRate, double Polyphony, double Coverage, double? Articulation, double? MeanDurationSeconds)
{
    /// <summary>The cap of a note's length over inter-onset interval.</summary>
    public const double MaximumArticulation = 2;

    /// <summary>Onsets closer than this (seconds) count as one (a chord's notes).</summary>
    public const double SimultaneousOnsetSeconds = 0.025;

    /// <summary>
    /// The texture of [<paramref name="from"/>, <paramref name="to"/>) seconds. <paramref name="notes"/> must be in order
    /// of onset and hold every note that overlaps the span and the notes that start up to a few seconds after it (for
    /// the inter-onset intervals).
    /// </summary>
    public static NoteTexture Of(IReadOnlyList<NoteEvent> notes, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(notes);
        double length = to - from;
        if (length <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The span must have a positive length.");
        }

        int onsets = 0, articulated = 0;
        double sounding = 0, articulation = 0, duration = 0;
        var overlaps = new List<(double Start, double End)>();
        for (int i = 0; i < notes.Count; i++)
        {
            NoteEvent note = notes[i];
            double start = Math.Max(note.StartSeconds, from), end = Math.Min(note.EndSeconds, to);
            if (end > start)
            {
                sounding += end - start;
                overlaps.Add((start, end));
            }

            if (note.StartSeconds < from || note.StartSeconds >= to)
            {
                continue;
            }

            onsets++;
            duration += note.DurationSeconds;
            for (int j = i + 1; j < notes.Count; j++)
            {
                double ioi = notes[j].StartSeconds - note.StartSeconds;
                if (ioi >= SimultaneousOnsetSeconds)
                {
                    articulation += Math.Min(MaximumArticulation, note.DurationSeconds / ioi);
                    articulated++;
                    break;
                }
            }
        }

        return new NoteTexture(onsets / length, sounding / length, CoveredShare(overlaps, from, to),
            articulated > 0 ? articulation / articulated : null, onsets > 0 ? duration / onsets : null);
    }

    private static double CoveredShare(List<(double Start, double End)> spans, double from, double to)
    {
        if (spans.Count == 0)
        {
            return 0;
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        double covered = 0, start = spans[0].Start, end = spans[0].End;
        foreach ((double s, double e) in spans.Skip(1))
        {
            if (s > end)
            {
                covered += end - start;
                (start, end) = (s, e);
            }
            else
            {
                end = Math.Max(end, e);
            }
        }

        covered += end - start;
        return covered / (to - from);
    }
}
