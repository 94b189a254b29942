using MusicEmotion.Notes.Harmony;
using MusicEmotion.Notes.Melody;

namespace MusicEmotion.Notes.Analysis;

/// <summary>
/// The per-second rows of <see cref="NoteFeatureAnalyzer.Analyze(IReadOnlyList{NoteEvent}, double)"/>, computed while
/// the notes arrive and handed out as soon as they are final, holding only the notes a pending row can still read.
/// </summary>
/// <remarks>
/// <para>The notes arrive in batches of decoded blocks (<see cref="Decoding.StreamingNoteDecoder"/>) with a
/// <em>watermark</em>: every note that starts before it is known, and no note of the batch ends after it (a block's
/// notes start and end inside the block). Row <c>s</c> reads only what starts before <c>s + 5</c> seconds
/// (<see cref="NoteFeatureAnalyzer.Row"/>: the key and chord shares over <c>s ± 4</c>, texture up to
/// <see cref="NoteFeatureAnalyzer.LookAheadSeconds"/> ahead, the melody note before each interval), so it is final
/// once the watermark and the audio pushed so far both reach <c>s + 5</c>; none of the columns reads the whole track
/// (the track summary, key of all notes included, is not a column).</para>
/// <para>The melody is extracted batch by batch: <see cref="MelodyExtractor"/> decides a note from the notes sounding
/// just after its onset and may shorten the previous melody note only when the two overlap, and neither can reach
/// across a watermark (earlier notes have ended by then, later ones have not started), so the batches' melodies joined
/// are the whole track's melody. The rows are those of the whole-track analysis to the bit: same notes, same order,
/// same code (<see cref="NoteFeatureAnalyzer.Row"/>, <see cref="NoteFeatureAnalyzer.ChordOf"/>). The index over the held
/// notes starts its search one held note's longest duration before a span, the whole track's index one whole-track
/// longest duration: both skip only notes that end before the span, and every note a pending row can read is held.</para>
/// </remarks>
internal sealed class StreamingNoteAnalysis
{
    /// <summary>Seconds after a row's start whose notes and audio the row reads (chords and texture up to <c>s + 5</c>).</summary>
    private const int ReachSeconds = 1 + (int)NoteFeatureAnalyzer.LookAheadSeconds;

    /// <summary>Seconds before a row's start whose notes and chords it reads (the context window and chord shares).</summary>
    private const int BackSeconds = (int)(NoteFeatureAnalyzer.ContextSeconds / 2);

    private readonly List<NoteEvent> _notes = [];
    private readonly List<NoteEvent> _melody = [];
    private readonly List<PitchCurve> _curves = [];
    private readonly List<ChordLabel?> _chords = [];
    private int _chordsFrom;
    private double _watermark;
    private bool _completed;

    /// <summary>The next row to hand out: rows before it are final and were handed out.</summary>
    public int NextSecond { get; private set; }

    /// <summary>Notes held now (for tests: bounded by the blocks in flight, not by the length of the audio).</summary>
    public int HeldNotes => _notes.Count + _melody.Count;

    /// <summary>
    /// Adds the notes of decoded blocks (in the decoder's order) whose notes all start and end before
    /// <paramref name="watermarkSeconds"/>, before which every note of the signal starts that has not been added yet.
    /// </summary>
    public void Add(IReadOnlyList<NoteEvent> notes, double watermarkSeconds)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The analysis is complete.");
        }

        if (watermarkSeconds < _watermark)
        {
            throw new ArgumentOutOfRangeException(nameof(watermarkSeconds), watermarkSeconds, "The watermark never goes back.");
        }

        _watermark = watermarkSeconds;
        if (notes.Count == 0)
        {
            return;
        }

        // The whole-track analysis sorts all notes by onset, then pitch (a stable sort); every note added later starts at
        // or after the watermark, so sorting each batch alike and appending gives the same order.
        NoteEvent[] sorted = [.. notes.OrderBy(n => n.StartSeconds).ThenBy(n => n.Pitch)];
        if (_notes.Count > 0 && sorted[0].StartSeconds < _notes[^1].StartSeconds)
        {
            throw new InvalidOperationException("Notes arrived before the watermark of an earlier batch.");
        }

        _notes.AddRange(sorted);
        foreach (NoteEvent note in MelodyExtractor.Extract(sorted))
        {
            if (_melody.Count > 0 && note.StartSeconds <= _melody[^1].StartSeconds)
            {
                throw new InvalidOperationException("Melody notes arrived out of order.");
            }

            _melody.Add(note);
            _curves.Add(PitchCurve.Of(note));
        }
    }

    /// <summary>
    /// The rows that are final now that <paramref name="pushedSeconds"/> of audio have been pushed, in order (empty when
    /// none is yet); the notes no later row reads are let go.
    /// </summary>
    public IReadOnlyList<NoteSecond> TakeFinal(double pushedSeconds)
    {
        double reach = Math.Min(_watermark, pushedSeconds);
        int end = NextSecond;
        while (end + ReachSeconds <= reach)
        {
            end++;
        }

        // The track has at least `end + 4` seconds (ReachSeconds <= pushed), so no window is cut by its end yet; the
        // clamp of the chord window only matters for the last rows (Complete).
        return Rows(end, int.MaxValue);
    }

    /// <summary>The remaining rows of a signal of <paramref name="durationSeconds"/> once every note was added.</summary>
    public IReadOnlyList<NoteSecond> Complete(double durationSeconds)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The analysis is complete.");
        }

        _completed = true;
        _watermark = double.PositiveInfinity;
        int seconds = (int)Math.Ceiling(durationSeconds - 1e-9); // as NoteFeatureAnalyzer.Analyze
        return Rows(Math.Max(seconds, NextSecond), seconds);
    }

    private List<NoteSecond> Rows(int end, int seconds)
    {
        var rows = new List<NoteSecond>();
        if (end <= NextSecond)
        {
            return rows;
        }

        var all = new NoteFeatureAnalyzer.NoteIndex(_notes);
        // Melody notes start in strictly increasing order (MelodyExtractor keeps one of notes starting together), so the
        // index keeps this order and its positions are those of _curves.
        var melody = new NoteFeatureAnalyzer.NoteIndex(_melody);
        int chordsEnd = Math.Min(end + BackSeconds, seconds);
        for (int s = _chordsFrom + _chords.Count; s < chordsEnd; s++)
        {
            _chords.Add(NoteFeatureAnalyzer.ChordOf(all, s));
        }

        for (int s = NextSecond; s < end; s++)
        {
            rows.Add(NoteFeatureAnalyzer.Row(s, all, melody, _curves, _chords, _chordsFrom, seconds));
        }

        NextSecond = end;
        Forget();
        return rows;
    }

    /// <summary>Lets go of what no row from <see cref="NextSecond"/> on reads.</summary>
    private void Forget()
    {
        // Row s reads notes overlapping s - 3.5 … and chords from s - 4: keep what ends after NextSecond - 4.
        int from = NextSecond - BackSeconds;
        _notes.RemoveAll(n => n.EndSeconds <= from);
        int chords = Math.Clamp(from - _chordsFrom, 0, _chords.Count);
        _chords.RemoveRange(0, chords);
        _chordsFrom += chords;

        // A melody note is read while it overlaps a pending row's window, or as the note before one that starts in a
        // pending second (its interval); the first note held is never one whose interval is still to be counted.
        int drop = 0;
        while (drop + 1 < _melody.Count && _melody[drop].EndSeconds <= from && _melody[drop + 1].StartSeconds < NextSecond)
        {
            drop++;
        }

        _melody.RemoveRange(0, drop);
        _curves.RemoveRange(0, drop);
    }
}
