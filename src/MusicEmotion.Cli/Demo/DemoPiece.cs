namespace MusicEmotion.Cli.Demo;

/// <summary>
/// The piece `mer demo` writes: two halves a listener tells apart at once.
/// <list type="bullet">
/// <item><b>Calm</b>: solo piano in A minor at 66 BPM, soft (about −29 dBFS): a low root held through each bar
/// (Am – F – Dm – E), the chord broken in slow eighths above it and a quiet falling melody on top, in a small room.</item>
/// <item><b>Energetic</b>: a band in C major at 140 BPM, loud (about −13 dBFS): drum kit (kick on every beat, snare
/// on 2 and 4, hi-hats in eighths, crash every four bars), a plucked bass in driving eighths, an overdriven rhythm
/// guitar holding power chords, a sawtooth pad pumping in eighths, staccato piano chords and a bright plucked lead
/// (C – F – G – C).</item>
/// </list>
/// Everything is synthesised from a fixed seed, so the file is identical on every run.
/// </summary>
internal static class DemoPiece
{
    /// <summary>Sample rate of the piece (the rate the emotion model works at).</summary>
    public const int SampleRate = 22050;

    /// <summary>Tempo of the calm half.</summary>
    public const double CalmBpm = 66;

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
        Level(calm, rms: 0.035);
        Level(energetic, rms: 0.22);
        FadeOut(calm, 0.25);
        return [.. calm, .. energetic];
    }

    private static void Calm(Span<float> buffer, Instruments piano)
    {
        double beat = 60 / CalmBpm;
        double bar = 4 * beat;
        // Am, F, Dm, E: bass root, then the broken chord's notes (MIDI).
        int[][] chords =
        [
            [45, 57, 60, 64, 60],   // Am: A2 | A3 C4 E4 C4
            [41, 57, 60, 65, 60],   // F:  F2 | A3 C4 F4 C4
            [38, 57, 62, 65, 62],   // Dm: D2 | A3 D4 F4 D4
            [40, 56, 59, 64, 59],   // E:  E2 | G#3 B3 E4 B3
        ];
        int[] melody = [76, 74, 72, 71, 69, 71, 72, 68];   // E5 D5 C5 B4 A4 B4 C5 G#4, half notes
        double length = buffer.Length / (double)SampleRate;
        for (int b = 0; b * bar < length; b++)
        {
            int[] chord = chords[b % chords.Length];
            double barStart = b * bar;
            piano.Piano(buffer, barStart, chord[0], 0.32, bar);
            for (int e = 0; e < 8; e++)
            {
                int note = chord[1 + (e % 4)];
                piano.Piano(buffer, barStart + (e * beat / 2) + 0.004, note, 0.18 + (0.03 * (e % 2 == 0 ? 1 : 0)), beat * 1.5);
            }

            for (int h = 0; h < 2; h++)
            {
                piano.Piano(buffer, barStart + (h * 2 * beat) + 0.01, melody[((2 * b) + h) % melody.Length], 0.24, 2 * beat);
            }
        }
    }

    private static void Energetic(Span<float> buffer, Instruments band)
    {
        double beat = 60 / EnergeticBpm;
        double eighth = beat / 2;
        double bar = 4 * beat;
        int[][] chords =
        [
            [36, 60, 64, 67, 72],   // C: C2 | C4 E4 G4 C5
            [41, 60, 65, 69, 72],   // F: F2 | C4 F4 A4 C5
            [43, 62, 67, 71, 74],   // G: G2 | D4 G4 B4 D5
            [36, 60, 64, 67, 72],   // C
        ];
        int[] lead = [76, 79, 81, 79, 76, 74, 72, 74, 76, 79, 84, 81, 79, 76, 74, 72];   // C major pentatonic, eighths
        double length = buffer.Length / (double)SampleRate;
        float[] guitar = new float[buffer.Length];
        float[] pad = new float[buffer.Length];
        for (int b = 0; b * bar < length; b++)
        {
            int[] chord = chords[b % chords.Length];
            double barStart = b * bar;
            if (b % 4 == 0)
            {
                band.Crash(buffer, barStart, 0.9);
            }

            band.Pad(pad, barStart, chord.AsSpan(1, 3), 1.0, bar, eighth);
            band.OverdrivenPowerChord(guitar, barStart, chord[0], 1.0, bar);

            for (int q = 0; q < 4; q++)
            {
                double t = barStart + (q * beat);
                band.Kick(buffer, t, 0.7);
                if (q % 2 == 1)
                {
                    band.Snare(buffer, t, 0.9);
                }

                foreach (int note in chord.AsSpan(1))
                {
                    band.Piano(buffer, t + eighth, note, 0.75, 0.12);          // off-beat stabs
                }
            }

            for (int e = 0; e < 8; e++)
            {
                double t = barStart + (e * eighth);
                band.HiHat(buffer, t, e % 2 == 0 ? 1.0 : 0.7, open: e == 7);
                band.Pluck(buffer, t, chord[0] + (e % 2 == 1 ? 12 : 0), 0.6, eighth * 0.9, 0.996);
                band.Pluck(buffer, t + 0.002, lead[((b % 2) * 8) + e], 0.6, eighth * 0.95, 0.997);
            }
        }

        // The mix: drums, bass, piano and lead; the pad half as loud; the held, overdriven guitar in between.
        ScaleToRms(buffer, 1.0);
        ScaleToRms(pad, 1.0);
        ScaleToRms(guitar, 0.75);
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] += pad[i] + guitar[i];
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
