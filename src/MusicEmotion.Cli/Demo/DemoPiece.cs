namespace MusicEmotion.Cli.Demo;

/// <summary>
/// The piece `mer demo` writes: two halves a listener tells apart at once.
/// <list type="bullet">
/// <item><b>Calm</b>: solo piano in A minor at 60 BPM, soft (about −30 dBFS) and dark: played low (a root held
/// through each bar in the bass octave, Am – F – Dm – E; the chord broken in slow eighths around C3; a quiet falling
/// melody around C4), gently low-passed as a piano played softly with its lid down, in a small room.</item>
/// <item><b>Energetic</b>: a rock band in C major at 140 BPM, loud (about −13 dBFS): drum kit (kick on every beat
/// with a push on the last off-beat, snare on 2 and 4, hi-hats in sixteenths, a crash every two bars), a plucked
/// bass in driving eighths (root, octave, fifth), a distorted rhythm guitar chugging major chords in eighths with
/// 3 + 3 + 2 accents, and a distorted twin lead (a melody and its third below) (C – F – G – C).</item>
/// </list>
/// Everything is synthesised from a fixed seed, so the file is identical on every run.
/// </summary>
internal static class DemoPiece
{
    /// <summary>Sample rate of the piece (the rate the emotion model works at).</summary>
    public const int SampleRate = 22050;

    /// <summary>Tempo of the calm half.</summary>
    public const double CalmBpm = 60;

    /// <summary>Tempo of the energetic half.</summary>
    public const double EnergeticBpm = 140;

    /// <summary>The piece, mono, on [-1, 1]: <paramref name="seconds"/> long, the energetic half starting at the middle.</summary>
    public static float[] Synthesize(double seconds)
    {
        int total = (int)Math.Round(seconds * SampleRate);
        int half = total / 2;
        var random = new Random(20261206);
        var instruments = new Instruments(SampleRate, random);
        float[] calm = new float[half];
        float[] energetic = new float[total - half];
        Calm(calm, instruments);
        Room(calm, wet: 0.22);
        Energetic(energetic, instruments);
        Room(energetic, wet: 0.08);
        Level(calm, rms: 0.03);
        Level(energetic, rms: 0.25);
        FadeOut(calm, 0.25);
        return [.. calm, .. energetic];
    }

    private static void Calm(Span<float> buffer, Instruments piano)
    {
        double beat = 60 / CalmBpm;
        double bar = 4 * beat;
        // Am, F, Dm, E in the piano's low middle register: bass root, then the broken chord's notes (MIDI).
        int[][] chords =
        [
            [33, 45, 48, 52, 48],   // Am: A1 | A2 C3 E3 C3
            [29, 45, 48, 53, 48],   // F:  F1 | A2 C3 F3 C3
            [26, 45, 50, 53, 50],   // Dm: D1 | A2 D3 F3 D3
            [28, 44, 47, 52, 47],   // E:  E1 | G#2 B2 E3 B2
        ];
        int[] melody = [64, 62, 60, 59, 57, 59, 60, 56];   // E4 D4 C4 B3 A3 B3 C4 G#3, half notes
        double length = buffer.Length / (double)SampleRate;
        for (int b = 0; b * bar < length; b++)
        {
            int[] chord = chords[b % chords.Length];
            double barStart = b * bar;
            piano.Piano(buffer, barStart, chord[0], 0.22, bar);
            for (int e = 0; e < 8; e++)
            {
                int note = chord[1 + (e % 4)];
                piano.Piano(buffer, barStart + (e * beat / 2) + 0.004, note, 0.13 + (0.02 * (e % 2 == 0 ? 1 : 0)), beat * 1.5);
            }

            for (int h = 0; h < 2; h++)
            {
                piano.Piano(buffer, barStart + (h * 2 * beat) + 0.01, melody[((2 * b) + h) % melody.Length], 0.17, 2 * beat);
            }
        }

        // Played softly with the lid down: two one-pole low-passes (about −3 dB at 3.6 kHz) take the edge off.
        double first = 0, second = 0;
        for (int i = 0; i < buffer.Length; i++)
        {
            first += 0.8 * (buffer[i] - first);
            second += 0.8 * (first - second);
            buffer[i] = (float)second;
        }
    }

    private static void Energetic(Span<float> buffer, Instruments band)
    {
        double beat = 60 / EnergeticBpm;
        double eighth = beat / 2;
        double sixteenth = beat / 4;
        double bar = 4 * beat;
        int[] roots = [36, 41, 43, 36];                     // C2 F2 G2 C2: C – F – G – C
        int[] triad = [12, 16, 19, 24];                     // the guitar's major chord above the root: root, third, fifth, octave
        int[] bassSteps = [0, 0, 12, 0, 7, 0, 12, 7];       // root, octave and fifth in eighths
        int[] lead = [76, 79, 81, 79, 76, 74, 72, 74, 76, 79, 84, 81, 79, 76, 74, 72];      // C major pentatonic, eighths
        int[] harmony = [72, 76, 77, 76, 72, 71, 69, 71, 72, 76, 81, 77, 76, 72, 71, 69];   // a diatonic third below
        double length = buffer.Length / (double)SampleRate;
        int n = buffer.Length;
        float[] drums = new float[n], bass = new float[n], guitar = new float[n], leads = new float[n];
        for (int b = 0; b * bar < length; b++)
        {
            int root = roots[b % roots.Length];
            double barStart = b * bar;
            if (b % 2 == 0)
            {
                band.Crash(drums, barStart, 1.0);
            }

            for (int q = 0; q < 4; q++)
            {
                double t = barStart + (q * beat);
                band.Kick(drums, t, 0.8);
                if (q == 3)
                {
                    band.Kick(drums, t + eighth, 0.6);       // the push into the next bar
                }

                if (q % 2 == 1)
                {
                    band.Snare(drums, t, 1.0);
                }
            }

            for (int s = 0; s < 16; s++)
            {
                band.HiHat(drums, barStart + (s * sixteenth), s % 4 == 0 ? 1.0 : s % 2 == 0 ? 0.8 : 0.55, open: s == 14);
            }

            for (int e = 0; e < 8; e++)
            {
                double t = barStart + (e * eighth);
                band.Pluck(bass, t, root + bassSteps[e], 0.8, eighth * 0.4, 0.995);
                bool accent = e is 0 or 3 or 6;             // 3 + 3 + 2: the chugging guitar's accents
                foreach (int interval in triad)
                {
                    band.GuitarString(guitar, t + (0.003 * interval / 12), root + interval, accent ? 0.5 : 0.35, eighth * (accent ? 0.4 : 0.3), accent ? 0.998 : 0.985);
                }

                int step = ((b % 2) * 8) + e;
                band.GuitarString(leads, t + 0.002, lead[step], 0.5, eighth * 0.6, 0.998);
                band.GuitarString(leads, t + 0.004, harmony[step], 0.4, eighth * 0.6, 0.998);
            }
        }

        Instruments.Drive(guitar, gain: 8, cabinet: 0.35);
        Instruments.Drive(leads, gain: 5, cabinet: 0.5);

        // The mix: drums on top, the rhythm guitar and the twin lead close behind, the bass under them.
        ScaleToRms(drums, 1.0);
        ScaleToRms(bass, 0.35);
        ScaleToRms(guitar, 0.6);
        ScaleToRms(leads, 0.6);
        for (int i = 0; i < n; i++)
        {
            buffer[i] = drums[i] + bass[i] + guitar[i] + leads[i];
        }
    }

    /// <summary>A small Schroeder room (four combs, two all-passes) mixed in at <paramref name="wet"/>.</summary>
    private static void Room(float[] buffer, double wet)
    {
        double[] combSeconds = [0.0297, 0.0371, 0.0411, 0.0437];
        var reverb = new double[buffer.Length];
        foreach (double seconds in combSeconds)
        {
            var line = new double[(int)(seconds * SampleRate)];      // the comb's delay line, one period long
            for (int i = 0; i < buffer.Length; i++)
            {
                int slot = i % line.Length;
                line[slot] = buffer[i] + (0.78 * line[slot]);
                reverb[i] += line[slot] / combSeconds.Length;
            }
        }

        foreach (double seconds in new[] { 0.005, 0.0017 })
        {
            var inputs = new double[(int)(seconds * SampleRate)];
            var outputs = new double[inputs.Length];
            for (int i = 0; i < reverb.Length; i++)
            {
                int slot = i % inputs.Length;
                double input = reverb[i];
                double output = (-0.7 * input) + inputs[slot] + (0.7 * outputs[slot]);
                inputs[slot] = input;
                outputs[slot] = output;
                reverb[i] = output;
            }
        }

        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (float)(((1 - wet) * buffer[i]) + (wet * reverb[i]));
        }
    }

    /// <summary>Scales <paramref name="buffer"/> to an RMS level (a layer of a mix, before the mix is levelled).</summary>
    private static void ScaleToRms(Span<float> buffer, double rms)
    {
        double current = Rms(buffer);
        for (int i = 0; i < buffer.Length && current > 0; i++)
        {
            buffer[i] = (float)(buffer[i] * rms / current);
        }
    }

    private static double Rms(ReadOnlySpan<float> buffer)
    {
        double sum = 0;
        foreach (float v in buffer)
        {
            sum += (double)v * v;
        }

        return Math.Sqrt(sum / Math.Max(1, buffer.Length));
    }

    /// <summary>Scales <paramref name="buffer"/> to an RMS level, then soft-limits peaks (tanh) to stay below 0.95.</summary>
    private static void Level(Span<float> buffer, double rms)
    {
        double current = Rms(buffer);
        if (current <= 0)
        {
            return;
        }

        double scale = rms / current;
        const double limit = 0.95;
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (float)(limit * Math.Tanh(buffer[i] * scale / limit));
        }
    }

    private static void FadeOut(Span<float> buffer, double seconds)
    {
        int n = Math.Min(buffer.Length, (int)(seconds * SampleRate));
        for (int i = 0; i < n; i++)
        {
            buffer[buffer.Length - n + i] *= (float)(1 - ((double)i / n));
        }
    }
}
