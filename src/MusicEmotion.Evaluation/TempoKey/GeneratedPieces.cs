using MusicEmotion.Features.Descriptors;

namespace MusicEmotion.Evaluation.TempoKey;

/// <summary>
/// Pieces of known tempo and key, synthesised: in every one of the 24 major and minor keys, a plucked chord on each
/// beat over a bass note on the first and third beats and a soft kick on every beat, through the cadence I–IV–V–I
/// (minor: i–iv–V–i, the dominant with its raised leading tone), one chord a bar, at a tempo from 60 to 180 BPM.
/// </summary>
internal static class GeneratedPieces
{
    /// <summary>The tempos the pieces cycle through.</summary>
    public static IReadOnlyList<double> Tempos { get; } = [60, 72, 84, 96, 100, 108, 120, 128, 136, 144, 160, 180];

    /// <summary>The pieces: name, stated tempo and key.</summary>
    public static IEnumerable<(string Name, double Tempo, MusicalKey Key)> All()
    {
        for (int i = 0; i < 24; i++)
        {
            var key = new MusicalKey(i % 12, i < 12 ? MusicalMode.Major : MusicalMode.Minor, 1);
            double tempo = Tempos[(i * 5) % Tempos.Count]; // each tempo with a major and a minor key
            yield return ($"generated {key.Name} {tempo} BPM", tempo, key);
        }
    }

    /// <summary>Synthesises the piece at <paramref name="sampleRate"/> Hz, mono, <paramref name="seconds"/> long.</summary>
    public static float[] Synthesize(double tempo, MusicalKey key, int sampleRate = 22050, double seconds = 30)
    {
        var samples = new float[(int)(seconds * sampleRate)];
        double beat = 60.0 / tempo;
        bool minor = key.Mode == MusicalMode.Minor;
        // Chord roots (semitones above the tonic) and qualities of the cadence.
        (int Root, bool MinorChord)[] cadence = minor ? [(0, true), (5, true), (7, false), (0, true)] : [(0, false), (5, false), (7, false), (0, false)];
        for (int b = 0; b * beat < seconds; b++)
        {
            (int root, bool minorChord) = cadence[(b / 4) % cadence.Length];
            int chordRoot = 60 + key.Tonic + root; // around middle C
            int start = (int)(b * beat * sampleRate);
            foreach (int interval in new[] { 0, minorChord ? 3 : 4, 7 })
            {
                Pluck(samples, start, Frequency(chordRoot + interval), 0.12f, beat * sampleRate * 0.9, sampleRate);
            }

            if (b % 2 == 0)
            {
                Pluck(samples, start, Frequency(chordRoot - 24), 0.2f, beat * sampleRate * 1.8, sampleRate);
            }

            Kick(samples, start, sampleRate);
        }

        float peak = samples.Max(Math.Abs);
        if (peak > 0.95f)
        {
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] *= 0.95f / peak;
            }
        }

        return samples;
    }

    private static double Frequency(int midi) => 440 * Math.Pow(2, (midi - 69) / 12.0);

    private static void Pluck(float[] samples, int start, double frequency, float amplitude, double length, int sampleRate)
    {
        int end = Math.Min(samples.Length, start + (int)length);
        for (int i = start; i < end; i++)
        {
            double t = (double)(i - start) / sampleRate;
            double envelope = Math.Exp(-4 * t) * Math.Min(1, t * 500);
            double tone = Math.Sin(2 * Math.PI * frequency * t) + (0.5 * Math.Sin(4 * Math.PI * frequency * t)) + (0.25 * Math.Sin(6 * Math.PI * frequency * t));
            samples[i] += (float)(amplitude * envelope * tone);
        }
    }

    private static void Kick(float[] samples, int start, int sampleRate)
    {
        int end = Math.Min(samples.Length, start + (sampleRate / 8));
        for (int i = start; i < end; i++)
        {
            double t = (double)(i - start) / sampleRate;
            samples[i] += (float)(0.3 * Math.Exp(-30 * t) * Math.Sin(2 * Math.PI * (50 + (100 * Math.Exp(-40 * t))) * t));
        }
    }
}
