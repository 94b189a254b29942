using MusicEmotion.Features.Descriptors;
using NAudio.Midi;

namespace MusicEmotion.Evaluation.TempoKey;

/// <summary>
/// The tempo and key a MIDI file states: the tempo (set-tempo events) that governs most of its notes' span, when one
/// tempo governs at least <see cref="SteadyShare"/> of it, and the key of its first key-signature event.
/// </summary>
/// <param name="TempoBpm">The stated tempo; null when the file has no tempo event or its tempo changes too much.</param>
/// <param name="Key">The stated key; null without a key-signature event.</param>
/// <param name="TempoNote">Why the tempo is null, or null.</param>
internal sealed record StatedTempoKey(double? TempoBpm, MusicalKey? Key, string? TempoNote)
{
    /// <summary>Share of the notes' span one tempo must govern to count as the piece's tempo.</summary>
    public const double SteadyShare = 0.9;

    /// <summary>Reads what <paramref name="path"/> states.</summary>
    /// <exception cref="DatasetFormatException">The file is not a readable MIDI file.</exception>
    public static StatedTempoKey Read(string path)
    {
        MidiFile midi;
        try
        {
            midi = new MidiFile(path, strictChecking: false);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or EndOfStreamException or IOException)
        {
            throw new DatasetFormatException(path, $"not a readable MIDI file: {ex.Message}");
        }

        var tempos = new List<(long Time, double Bpm)>();
        MusicalKey? key = null;
        long keyTime = long.MaxValue, firstNote = long.MaxValue, lastNote = 0;
        for (int track = 0; track < midi.Tracks; track++)
        {
            foreach (MidiEvent e in midi.Events[track])
            {
                switch (e)
                {
                    case TempoEvent tempo when tempo.MicrosecondsPerQuarterNote > 0:
                        tempos.Add((e.AbsoluteTime, 60_000_000.0 / tempo.MicrosecondsPerQuarterNote));
                        break;
                    case KeySignatureEvent signature when e.AbsoluteTime < keyTime:
                        keyTime = e.AbsoluteTime;
                        key = KeyOf(signature.SharpsFlats, signature.MajorMinor);
                        break;
                    case NoteEvent note when note.CommandCode == MidiCommandCode.NoteOn && note.Velocity > 0:
                        firstNote = Math.Min(firstNote, e.AbsoluteTime);
                        lastNote = Math.Max(lastNote, e.AbsoluteTime);
                        break;
                }
            }
        }

        if (tempos.Count == 0)
        {
            return new StatedTempoKey(null, key, "no tempo event");
        }

        if (firstNote == long.MaxValue || lastNote <= firstNote)
        {
            return new StatedTempoKey(null, key, "no notes");
        }

        tempos.Sort((a, b) => a.Time.CompareTo(b.Time));
        var span = new Dictionary<double, long>();
        for (int i = 0; i < tempos.Count; i++)
        {
            long from = Math.Max(tempos[i].Time, firstNote), to = Math.Min(i + 1 < tempos.Count ? tempos[i + 1].Time : lastNote, lastNote);
            double bpm = Math.Round(tempos[i].Bpm, 3);
            if (i == 0 && tempos[0].Time > firstNote)
            {
                from = firstNote; // the notes before the first tempo event play at it (MIDI's default would be 120; these files state theirs at 0)
            }

            if (to > from)
            {
                span[bpm] = span.GetValueOrDefault(bpm) + (to - from);
            }
        }

        if (span.Count == 0)
        {
            return new StatedTempoKey(tempos[^1].Bpm, key, null);
        }

        KeyValuePair<double, long> main = span.MaxBy(s => s.Value);
        return main.Value >= SteadyShare * (lastNote - firstNote)
            ? new StatedTempoKey(main.Key, key, null)
            : new StatedTempoKey(null, key, $"the tempo changes ({span.Count} tempos; the commonest governs {100.0 * main.Value / (lastNote - firstNote):0} % of the notes)");
    }

    /// <summary>The key of a key signature: <paramref name="sharpsFlats"/> (−7…7) and <paramref name="minor"/> (0 major, 1 minor).</summary>
    public static MusicalKey KeyOf(int sharpsFlats, int minor)
    {
        int major = ((7 * sharpsFlats % 12) + 12) % 12;
        return minor == 1 ? new MusicalKey((major + 9) % 12, MusicalMode.Minor, 1) : new MusicalKey(major, MusicalMode.Major, 1);
    }
}
