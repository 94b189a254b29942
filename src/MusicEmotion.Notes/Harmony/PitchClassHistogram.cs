namespace MusicEmotion.Notes.Harmony;

/// <summary>
/// How long each of the twelve pitch classes sounds within a span of time: the seconds every note overlaps the span,
/// summed by pitch class (a note of any octave counts for its class). Weighting by duration rather than by note count
/// is what key-finding on note data (Krumhansl, Temperley) uses; it keeps a held chord from weighing less than a run.
/// </summary>
public sealed class PitchClassHistogram
{
    private readonly double[] _seconds = new double[12];

    /// <summary>Seconds of sound of each pitch class (0 = C).</summary>
    public IReadOnlyList<double> Seconds => _seconds;

    /// <summary>Total seconds of sound (summed over pitch classes; two simultaneous notes count twice).</summary>
    public double Total => _seconds.Sum();

    /// <summary>Pitch classes that sound at all.</summary>
    public int DistinctClasses => _seconds.Count(s => s > 0);

    /// <summary>The histogram of the notes that overlap [<paramref name="from"/>, <paramref name="to"/>) seconds.</summary>
    public static PitchClassHistogram Of(IEnumerable<NoteEvent> notes, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var histogram = new PitchClassHistogram();
        foreach (NoteEvent note in notes)
        {
            histogram.Add(note, from, to);
        }

        return histogram;
    }

    /// <summary>Adds the part of <paramref name="note"/> that lies in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public void Add(NoteEvent note, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(note);
        double overlap = Math.Min(note.EndSeconds, to) - Math.Max(note.StartSeconds, from);
        if (overlap > 0)
        {
            _seconds[PitchClasses.Of(note.Pitch)] += overlap;
        }
    }

    internal double this[int pitchClass] => _seconds[pitchClass];
}
