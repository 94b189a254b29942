using MusicEmotion.Notes.Harmony;
using MusicEmotion.Notes.Melody;
using MusicEmotion.Notes.Texture;

namespace MusicEmotion.Notes.Analysis;

/// <summary>
/// Derives per-second and per-track features from transcribed notes: key and mode, chords and a harmonic summary,
/// the melody's register, range, intervals, contour, vibrato and glissandi, note density, polyphony and articulation.
/// Deterministic and a function of the notes only (docs/notes.md defines every value and its unit).
/// </summary>
/// <example>
/// <code>
/// NoteTranscription t = await transcriber.TranscribeAsync("song.mp3");
/// NoteFeatures f = NoteFeatureAnalyzer.Analyze(t);
/// Console.WriteLine(f.Track.Key?.Name);             // "A minor"
/// Console.WriteLine(f.Seconds[10].Harmony.Chord);    // "Dm"
/// </code>
/// </example>
public static class NoteFeatureAnalyzer
{
    /// <summary>Length (seconds) of the window centred on each second that key, chord shares and melodic range are read from.</summary>
    public const double ContextSeconds = 8;

    /// <summary>Seconds after a span whose onsets a span's articulation needs (inter-onset intervals reach into the next seconds).</summary>
    internal const double LookAheadSeconds = 4;

    /// <summary>Analyses a transcription (its notes over its duration).</summary>
    public static NoteFeatures Analyze(NoteTranscription transcription)
    {
        ArgumentNullException.ThrowIfNull(transcription);
        return Analyze(transcription.Notes, transcription.DurationSeconds);
    }

    /// <summary>Analyses <paramref name="notes"/> of audio <paramref name="durationSeconds"/> long: one row per started second.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or not finite.</exception>
    public static NoteFeatures Analyze(IReadOnlyList<NoteEvent> notes, double durationSeconds)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (!double.IsFinite(durationSeconds) || durationSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(durationSeconds), durationSeconds, "The duration must be a finite number of seconds, zero or more.");
        }

        int seconds = (int)Math.Ceiling(durationSeconds - 1e-9);
        var all = new NoteIndex(notes);
        var melodyIndex = new NoteIndex(MelodyExtractor.Extract(all.Sorted));
        NoteEvent[] melody = melodyIndex.Sorted; // already in order of onset, without two notes starting together
        PitchCurve[] curves = [.. melody.Select(PitchCurve.Of)];

        var chords = new ChordLabel?[seconds];
        for (int s = 0; s < seconds; s++)
        {
            chords[s] = ChordOf(all, s);
        }

        var rows = new NoteSecond[seconds];
        for (int s = 0; s < seconds; s++)
        {
            rows[s] = Row(s, all, melodyIndex, curves, chords, 0, seconds);
        }

        return new NoteFeatures(rows, Summarise(notes, all, melody, curves, chords, rows, durationSeconds), melody);
    }

    /// <summary>
    /// The chord of second <paramref name="second"/>: a function of the notes overlapping it, so of the notes that start
    /// before its end (<see cref="StreamingNoteAnalysis"/> computes it as soon as those are final).
    /// </summary>
    internal static ChordLabel? ChordOf(NoteIndex all, int second) => ChordRecognizer.Recognize(all.Overlapping(second, second + 1), second, second + 1);

    /// <summary>
    /// Row <paramref name="s"/> of <paramref name="seconds"/>: reads the notes overlapping <c>s - 3.5</c> … <c>s + 5</c>
    /// (<paramref name="all"/>), the melody notes overlapping <c>s - 3.5</c> … <c>s + 4.5</c> and the melody note before
    /// each one starting in the second (<paramref name="melody"/>, <paramref name="curves"/> their pitch curves), and the
    /// chords of seconds <c>s - 4</c> … <c>s + 4</c> (<paramref name="chords"/>, whose first entry is the chord of
    /// second <paramref name="chordsFrom"/>). <paramref name="seconds"/> only bounds the chord window at the end.
    /// </summary>
    internal static NoteSecond Row(int s, NoteIndex all, NoteIndex melody, IReadOnlyList<PitchCurve> curves, IReadOnlyList<ChordLabel?> chords, int chordsFrom, int seconds)
    {
        double from = s + 0.5 - (ContextSeconds / 2), to = s + 0.5 + (ContextSeconds / 2);
        IReadOnlyList<NoteEvent> here = all.Overlapping(s, s + 1);
        ChordLabel? chord = chords[s - chordsFrom];
        var harmony = new HarmonySecond(
            KeyFinder.Find(all.Overlapping(from, to), from, to),
            chord,
            s > 0 && chord is { } c && chords[s - 1 - chordsFrom] is { } p && (c.Root != p.Root || c.Quality != p.Quality),
            Dissonance.Of(here, s, s + 1),
            FamilyShare(chords, chordsFrom, seconds, from, to, ChordFamily.Major),
            FamilyShare(chords, chordsFrom, seconds, from, to, ChordFamily.Minor));
        NoteTexture texture = NoteTexture.Of(all.Overlapping(s, s + 1 + LookAheadSeconds), s, s + 1);
        (double? mean, double? spread, int? range) = Register(here, s, s + 1);
        return new NoteSecond(s, texture, mean, spread, range, harmony, MelodyOf(melody.Sorted, melody, curves, s, from, to));
    }

    private static double? FamilyShare(IReadOnlyList<ChordLabel?> chords, int chordsFrom, int seconds, double from, double to, ChordFamily family)
    {
        int first = Math.Max(0, (int)Math.Floor(from)), last = Math.Min(seconds, (int)Math.Ceiling(to));
        int named = 0, matching = 0;
        for (int s = first; s < last; s++)
        {
            if (chords[s - chordsFrom] is { } chord)
            {
                named++;
                matching += chord.Family == family ? 1 : 0;
            }
        }

        return named > 0 ? matching / (double)named : null;
    }

    private static (double? Mean, double? Spread, int? Range) Register(IReadOnlyList<NoteEvent> notes, double from, double to)
    {
        double weight = 0, sum = 0, squares = 0;
        int low = int.MaxValue, high = int.MinValue;
        foreach (NoteEvent note in notes)
        {
            double overlap = Math.Min(note.EndSeconds, to) - Math.Max(note.StartSeconds, from);
            if (overlap <= 0)
            {
                continue;
            }

            weight += overlap;
            sum += overlap * note.Pitch;
            squares += overlap * note.Pitch * note.Pitch;
            low = Math.Min(low, note.Pitch);
            high = Math.Max(high, note.Pitch);
        }

        if (weight <= 0)
        {
            return (null, null, null);
        }

        double mean = sum / weight;
        return (mean, Math.Sqrt(Math.Max(0, (squares / weight) - (mean * mean))), high - low);
    }

    private static MelodySecond MelodyOf(NoteEvent[] melody, NoteIndex index, IReadOnlyList<PitchCurve> curves, int s, double from, double to)
    {
        double weight = 0, sum = 0, vibratoTime = 0, rate = 0, extent = 0;
        int sounding = 0, gliding = 0, vibratoNotes = 0, intervals = 0, leaps = 0, rising = 0, falling = 0;
        double intervalSum = 0;
        foreach (int i in index.OverlappingPositions(s, s + 1))
        {
            NoteEvent note = melody[i];
            double overlap = Math.Min(note.EndSeconds, s + 1) - Math.Max(note.StartSeconds, s);
            if (overlap <= 0)
            {
                continue;
            }

            sounding++;
            weight += overlap;
            sum += overlap * note.Pitch;
            gliding += curves[i].IsGlissando ? 1 : 0;
            if (curves[i].HasVibrato)
            {
                vibratoTime += overlap;
                vibratoNotes++;
                rate += curves[i].VibratoRateHz!.Value;
                extent += curves[i].VibratoExtentSemitones!.Value;
            }

            if (i > 0 && note.StartSeconds >= s && note.StartSeconds < s + 1)
            {
                int step = note.Pitch - melody[i - 1].Pitch;
                intervals++;
                intervalSum += Math.Abs(step);
                leaps += Math.Abs(step) >= 5 ? 1 : 0;
                rising += step > 0 ? 1 : 0;
                falling += step < 0 ? 1 : 0;
            }
        }

        int low = int.MaxValue, high = int.MinValue;
        foreach (int i in index.OverlappingPositions(from, to))
        {
            low = Math.Min(low, melody[i].Pitch);
            high = Math.Max(high, melody[i].Pitch);
        }

        return new MelodySecond(
            weight > 0 ? sum / weight : null,
            weight,
            high >= low ? high - low : null,
            intervals > 0 ? intervalSum / intervals : null,
            intervals > 0 ? leaps / (double)intervals : null,
            intervals > 0 ? (rising - falling) / (double)intervals : null,
            weight > 0 ? vibratoTime / weight : 0,
            vibratoNotes > 0 ? rate / vibratoNotes : null,
            vibratoNotes > 0 ? extent / vibratoNotes : null,
            sounding > 0 ? gliding / (double)sounding : null);
    }

    private static NoteTrackSummary Summarise(IReadOnlyList<NoteEvent> notes, NoteIndex all, NoteEvent[] melody, PitchCurve[] curves,
        ChordLabel?[] chords, NoteSecond[] rows, double duration)
    {
        double span = Math.Max(duration, 1e-9);
        NoteTexture texture = duration > 0 ? NoteTexture.Of(all.Sorted, 0, span) : default;
        ChordLabel[] named = [.. chords.Where(c => c is not null).Select(c => c!.Value)];
        int changes = rows.Count(r => r.Harmony.ChordChanged);
        double?[] dissonance = [.. rows.Select(r => r.Harmony.Dissonance).Where(d => d is not null)];

        int intervals = Math.Max(0, melody.Length - 1), rising = 0, falling = 0;
        double intervalSum = 0;
        for (int i = 1; i < melody.Length; i++)
        {
            int step = melody[i].Pitch - melody[i - 1].Pitch;
            intervalSum += Math.Abs(step);
            rising += step > 0 ? 1 : 0;
            falling += step < 0 ? 1 : 0;
        }

        double melodyTime = melody.Sum(n => n.DurationSeconds);
        double vibratoTime = melody.Where((n, i) => curves[i].HasVibrato).Sum(n => n.DurationSeconds);
        return new NoteTrackSummary(
            KeyFinder.Find(notes, 0, double.PositiveInfinity),
            named.Length > 0 ? named.Count(c => c.Family == ChordFamily.Major) / (double)named.Length : null,
            named.Length > 0 ? named.Count(c => c.Family == ChordFamily.Minor) / (double)named.Length : null,
            duration > 0 ? changes / (duration / 60) : 0,
            dissonance.Length > 0 ? dissonance.Average() : null,
            texture.OnsetRate,
            texture.Polyphony,
            texture.Articulation,
            melody.Length > 0 ? WeightedPercentile(melody, 0.95) - WeightedPercentile(melody, 0.05) : null,
            melody.Length > 0 ? WeightedPercentile(melody, 0.5) : null,
            intervals > 0 ? intervalSum / intervals : null,
            intervals > 0 ? rising / (double)intervals : null,
            intervals > 0 ? falling / (double)intervals : null,
            melodyTime > 0 ? vibratoTime / melodyTime : 0,
            melody.Length > 0 ? curves.Count(c => c.IsGlissando) / (double)melody.Length : null);
    }

    private static double WeightedPercentile(IReadOnlyList<NoteEvent> notes, double q)
    {
        NoteEvent[] sorted = [.. notes.OrderBy(n => n.Pitch)];
        double total = sorted.Sum(n => n.DurationSeconds), target = q * total, running = 0;
        foreach (NoteEvent note in sorted)
        {
            running += note.DurationSeconds;
            if (running >= target)
            {
                return note.Pitch;
            }
        }

        return sorted[^1].Pitch;
    }

    /// <summary>Notes in order of onset with a fast lookup of those overlapping a span.</summary>
    internal sealed class NoteIndex
    {
        private readonly double[] _starts;
        private readonly double _longest;

        public NoteIndex(IReadOnlyList<NoteEvent> notes)
        {
            Sorted = [.. notes.OrderBy(n => n.StartSeconds).ThenBy(n => n.Pitch)];
            _starts = [.. Sorted.Select(n => n.StartSeconds)];
            _longest = Sorted.Length == 0 ? 0 : Sorted.Max(n => n.DurationSeconds);
        }

        public NoteEvent[] Sorted { get; }

        public IEnumerable<int> OverlappingPositions(double from, double to)
        {
            int first = LowerBound(from - _longest);
            for (int i = first; i < Sorted.Length && _starts[i] < to; i++)
            {
                if (Sorted[i].EndSeconds > from)
                {
                    yield return i;
                }
            }
        }

        public IReadOnlyList<NoteEvent> Overlapping(double from, double to) => [.. OverlappingPositions(from, to).Select(i => Sorted[i])];

        private int LowerBound(double value)
        {
            int lo = 0, hi = _starts.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_starts[mid] < value)
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
}
