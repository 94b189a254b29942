namespace MusicEmotion.Notes.Harmony;

/// <summary>
/// A dissonance measure of simultaneous notes: every pair of notes that sound together contributes the dissonance of
/// its interval class, weighted by how long they overlap; the result is the weighted mean, 0 (only unisons and
/// octaves) to 1 (only semitones and major sevenths).
/// </summary>
/// <remarks>
/// The interval-class weights follow the usual consonance ranking of music theory and psychoacoustics (Malmberg 1918,
/// Plomp &amp; Levelt 1965): octave/unison 0, fifth/fourth 0.1, major third/minor sixth 0.2, minor third/major sixth
/// 0.25, major second/minor seventh 0.6, tritone 0.7, minor second/major seventh 1. They are a fixed scale of this
/// library, documented in docs/notes.md, not fitted to data.
/// </remarks>
public static class Dissonance
{
    private static readonly double[] IntervalClassWeights = [0.0, 1.0, 0.6, 0.25, 0.2, 0.1, 0.7];

    /// <summary>The dissonance weight of an interval of <paramref name="semitones"/> (any size; folded to its interval class).</summary>
    public static double OfInterval(int semitones)
    {
        int pc = ((semitones % 12) + 12) % 12;
        return IntervalClassWeights[Math.Min(pc, 12 - pc)];
    }

    /// <summary>
    /// The overlap-weighted mean dissonance of the pairs of <paramref name="notes"/> sounding together within
    /// [<paramref name="from"/>, <paramref name="to"/>) seconds, or null when no two notes sound together there.
    /// </summary>
    public static double? Of(IReadOnlyList<NoteEvent> notes, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(notes);
        double sum = 0, weight = 0;
        for (int i = 0; i < notes.Count; i++)
        {
            NoteEvent a = notes[i];
            double aStart = Math.Max(a.StartSeconds, from), aEnd = Math.Min(a.EndSeconds, to);
            if (aEnd <= aStart)
            {
                continue;
            }

            for (int j = i + 1; j < notes.Count; j++)
            {
                NoteEvent b = notes[j];
                double overlap = Math.Min(aEnd, b.EndSeconds) - Math.Max(aStart, b.StartSeconds);
                if (overlap > 0)
                {
                    sum += overlap * OfInterval(a.Pitch - b.Pitch);
                    weight += overlap;
                }
            }
        }

        return weight > 0 ? sum / weight : null;
    }
}
