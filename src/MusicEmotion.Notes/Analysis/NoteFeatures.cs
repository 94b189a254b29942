using MusicEmotion.Notes.Harmony;

namespace MusicEmotion.Notes.Analysis;

/// <summary>The features <see cref="NoteFeatureAnalyzer"/> derives from a track's notes: one row per second and a summary.</summary>
/// <param name="Seconds">One entry per started second of the audio, in order.</param>
/// <param name="Track">The whole track's summary.</param>
/// <param name="Melody">The melody line the melodic features were computed from.</param>
public sealed record NoteFeatures(IReadOnlyList<NoteSecond> Seconds, NoteTrackSummary Track, IReadOnlyList<NoteEvent> Melody)
{
    /// <summary>The chord of every second (null where none), for a chord chart.</summary>
    public IReadOnlyList<ChordLabel?> Chords => [.. Seconds.Select(s => s.Harmony.Chord)];

    /// <summary>
    /// The chords as a chart: consecutive seconds of one chord (same root and quality) joined into a span, seconds
    /// without a chord left out, in time order; the last span ends at <paramref name="durationSeconds"/> at the latest.
    /// </summary>
    /// <param name="durationSeconds">Length of the audio (the last second may be shorter than one second).</param>
    public IReadOnlyList<ChordSpan> ChordSpans(double durationSeconds)
    {
        var spans = new List<ChordSpan>();
        int s = 0;
        while (s < Seconds.Count)
        {
            if (Seconds[s].Harmony.Chord is not { } chord)
            {
                s++;
                continue;
            }

            int first = s;
            while (s < Seconds.Count && Seconds[s].Harmony.Chord is { } next && next.Root == chord.Root && next.Quality == chord.Quality)
            {
                s++;
            }

            spans.Add(new ChordSpan(first, Math.Min(s, durationSeconds), chord));
        }

        return spans;
    }
}
