namespace MusicEmotion.Tests.Shared;

/// <summary>
/// Deterministic piano-like audio with known notes, for transcription tests and benchmarks: each note is six
/// harmonics (amplitude 1/h²) with a 5 ms attack, an exponential decay and a 30 ms release after its end.
/// </summary>
internal static class SynthesizedMusic
{
    /// <summary>A note to synthesise: onset and duration in seconds, MIDI pitch, velocity on (0, 1].</summary>
    internal readonly record struct Note(double Start, double Duration, int Pitch, double Velocity = 0.8);

    /// <summary>Renders <paramref name="notes"/> into <paramref name="seconds"/> of mono audio (peak about 0.5).</summary>
    public static float[] Render(IReadOnlyList<Note> notes, int sampleRate, double seconds)
    {
        const int harmonics = 6;
        const double attack = 0.005, release = 0.03, decayPerSecond = 1.5;
        float[] x = new float[(int)(seconds * sampleRate)];
        foreach (Note note in notes)
        {
            double f0 = 440.0 * Math.Pow(2, (note.Pitch - 69) / 12.0);
            int first = (int)(note.Start * sampleRate);
            int last = Math.Min(x.Length, (int)((note.Start + note.Duration + release) * sampleRate));
            for (int i = Math.Max(0, first); i < last; i++)
            {
                double t = (i - first) / (double)sampleRate;
                double envelope = Math.Min(1, t / attack) * Math.Exp(-decayPerSecond * t);
                double sinceEnd = t - note.Duration;
                if (sinceEnd > 0)
                {
                    envelope *= 1 - (sinceEnd / release);
                }

                double v = 0;
                for (int h = 1; h <= harmonics && h * f0 < sampleRate / 2.0; h++)
                {
                    v += Math.Sin(2 * Math.PI * h * f0 * t) / (h * h);
                }

                x[i] += (float)(0.15 * note.Velocity * envelope * v);
            }
        }

        return x;
    }

    /// <summary>
    /// The C major scale C4–C5 (eight notes of 0.4 s, 0.1 s apart), then the chords C, F, G7 and A minor (1 s each,
    /// 0.25 s apart), starting at 0.5 s: 8 + 3 + 3 + 4 + 3 = 21 notes, the last ending at 9.25 s.
    /// </summary>
    public static IReadOnlyList<Note> ScaleAndChords()
    {
        var notes = new List<Note>();
        int[] scale = [60, 62, 64, 65, 67, 69, 71, 72];
        for (int i = 0; i < scale.Length; i++)
        {
            notes.Add(new Note(0.5 + (0.5 * i), 0.4, scale[i]));
        }

        int[][] chords = [[60, 64, 67], [65, 69, 72], [55, 59, 62, 65], [57, 60, 64]];
        for (int c = 0; c < chords.Length; c++)
        {
            foreach (int pitch in chords[c])
            {
                notes.Add(new Note(4.5 + (1.25 * c), 1.0, pitch, 0.6));
            }
        }

        return notes;
    }

    /// <summary>
    /// A piece at 120 BPM: a random-walk melody in C major (eighth and quarter notes, octave 5) over a chord per bar
    /// (octave 3-4), for <paramref name="seconds"/> seconds.
    /// </summary>
    public static IReadOnlyList<Note> Piece(double seconds, int seed = 1)
    {
        var random = new Random(seed);
        int[] major = [0, 2, 4, 5, 7, 9, 11];
        int[][] progression = [[0, 4, 7], [5, 9, 12], [7, 11, 14], [9, 12, 16]];
        var notes = new List<Note>();
        const double beat = 0.5;
        for (int bar = 0; bar * 4 * beat < seconds; bar++)
        {
            double start = bar * 4 * beat;
            foreach (int interval in progression[bar % progression.Length])
            {
                notes.Add(new Note(start, (4 * beat) - 0.05, 48 + interval, 0.5));
            }
        }

        int degree = 7;
        for (double t = 0; t < seconds - 0.5;)
        {
            double length = random.Next(2) == 0 ? beat / 2 : beat;
            degree = Math.Clamp(degree + random.Next(-2, 3), 0, 13);
            int pitch = 72 + (12 * (degree / 7)) + major[degree % 7] - 12;
            notes.Add(new Note(t, length * 0.9, pitch, 0.7 + (0.3 * random.NextDouble())));
            t += length;
        }

        return notes;
    }
}
