namespace MusicEmotion.Notes.Melody;

/// <summary>
/// Picks the melody from polyphonic notes as the most salient upper line (a "skyline" with a salience floor): a note
/// belongs to the melody when, just after its onset, it is the highest of the notes sounding whose amplitude reaches
/// <see cref="SalienceRatio"/> of the loudest one sounding; a melody note ends where the next one starts (or where it
/// ends). Quiet high notes (often a harmonic the transcription doubled) do not take the line from a loud lower one.
/// </summary>
public static class MelodyExtractor
{
    /// <summary>The share of the loudest sounding note's amplitude a note needs to be a melody candidate.</summary>
    public const double SalienceRatio = 0.5;

    private const double OnsetProbeSeconds = 0.02;

    /// <summary>The melody line of <paramref name="notes"/> (in any order): non-overlapping notes in order of onset.</summary>
    public static IReadOnlyList<NoteEvent> Extract(IReadOnlyList<NoteEvent> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        NoteEvent[] sorted = [.. notes.OrderBy(n => n.StartSeconds).ThenByDescending(n => n.Pitch)];
        var melody = new List<NoteEvent>();
        var active = new List<NoteEvent>();
        int next = 0;
        foreach (NoteEvent note in sorted)
        {
            double probe = Math.Min(note.StartSeconds + OnsetProbeSeconds, (note.StartSeconds + note.EndSeconds) / 2);
            // Notes sounding at the probe: everything started by then and not yet ended.
            while (next < sorted.Length && sorted[next].StartSeconds <= probe)
            {
                active.Add(sorted[next++]);
            }

            active.RemoveAll(n => n.EndSeconds <= probe);
            float loudest = 0;
            foreach (NoteEvent n in active)
            {
                loudest = Math.Max(loudest, n.Amplitude);
            }

            bool top = note.Amplitude >= SalienceRatio * loudest;
            foreach (NoteEvent n in active)
            {
                if (top && !ReferenceEquals(n, note) && n.Pitch > note.Pitch && n.Amplitude >= SalienceRatio * loudest)
                {
                    top = false;
                }
            }

            if (!top)
            {
                continue;
            }

            if (melody.Count > 0 && melody[^1].EndSeconds > note.StartSeconds)
            {
                NoteEvent previous = melody[^1];
                if (note.StartSeconds - previous.StartSeconds < OnsetProbeSeconds)
                {
                    continue; // two onsets together: the first (higher) one is the melody
                }

                melody[^1] = Truncate(previous, note.StartSeconds);
            }

            melody.Add(note);
        }

        return melody;
    }

    private static NoteEvent Truncate(NoteEvent note, double end) =>
        note with { EndSeconds = end, PitchBends = [.. note.PitchBends.Where(b => b.TimeSeconds < end)] };
}
