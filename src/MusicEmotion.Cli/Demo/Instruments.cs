namespace MusicEmotion.Cli.Demo;

/// <summary>
/// Small synthesised instruments for the demo piece, each adding one note into a mono buffer at a sample rate:
/// a piano-like struck string (inharmonic partials, faster decay for higher partials, a hammer click), a plucked string
/// (Karplus–Strong), a picked guitar string for an amplifier (<see cref="Drive"/>) and a drum kit (kick, snare, hi-hat,
/// crash). Deterministic: noise comes from the seeded generator passed in.
/// </summary>
internal sealed class Instruments(int sampleRate, Random random)
{
    /// <summary>The frequency of MIDI note <paramref name="midi"/> (A4 = 69 = 440 Hz).</summary>
    public static double Frequency(int midi) => 440 * Math.Pow(2, (midi - 69) / 12.0);

    /// <summary>A piano-like note: 10 slightly stretched partials, each decaying faster than the one below it.</summary>
    /// <param name="buffer">Where the note is mixed in.</param>
    /// <param name="start">Onset in seconds.</param>
    /// <param name="midi">Pitch.</param>
    /// <param name="velocity">0..1; louder notes are also brighter.</param>
    /// <param name="hold">Seconds until the key is released (then a 0.15-s damping).</param>
    public void Piano(Span<float> buffer, double start, int midi, double velocity, double hold)
    {
        double f0 = Frequency(midi);
        double baseDecay = Math.Clamp(3.5 - ((midi - 40) * 0.05), 0.6, 4.0);      // low notes ring longer
        const double inharmonicity = 0.0004;
        int first = (int)(start * sampleRate);
        int length = (int)((hold + 0.2) * sampleRate);
        double brightness = 0.6 + velocity;
        for (int partial = 1; partial <= 10; partial++)
        {
            double frequency = f0 * partial * Math.Sqrt(1 + (inharmonicity * partial * partial));
            if (frequency > sampleRate * 0.45)
            {
                break;
            }

            double amplitude = velocity * Math.Pow(partial, -(2.2 - brightness)) * 0.25;
            double decay = baseDecay / (1 + (0.7 * (partial - 1)));
            double phase = random.NextDouble() * 2 * Math.PI;
            for (int i = 0; i < length && first + i < buffer.Length; i++)
            {
                double t = (double)i / sampleRate;
                double envelope = Math.Min(1, t / 0.004) * Math.Exp(-t / decay) * Release(t, hold, 0.15);
                buffer[first + i] += (float)(amplitude * envelope * Math.Sin(phase + (2 * Math.PI * frequency * t)));
            }
        }

        // The hammer: a few milliseconds of decaying noise.
        int click = Math.Min((int)(0.012 * sampleRate), Math.Max(0, buffer.Length - first));
        for (int i = 0; i < click; i++)
        {
            double t = (double)i / sampleRate;
            buffer[first + i] += (float)(velocity * 0.04 * ((random.NextDouble() * 2) - 1) * Math.Exp(-t / 0.003));
        }
    }

    /// <summary>A plucked string (Karplus–Strong): a burst of noise through a delay line of one period with a damped average.</summary>
    /// <param name="buffer">Where the note is mixed in.</param>
    /// <param name="start">Onset in seconds.</param>
    /// <param name="midi">Pitch.</param>
    /// <param name="velocity">0..1.</param>
    /// <param name="hold">Seconds the string rings before it is damped.</param>
    /// <param name="damping">Loss per period, 0.990 (short) to 0.999 (long).</param>
    public void Pluck(Span<float> buffer, double start, int midi, double velocity, double hold, double damping)
    {
        int period = Math.Max(2, (int)Math.Round(sampleRate / Frequency(midi)));
        var line = new double[period];
        for (int i = 0; i < period; i++)
        {
            line[i] = (random.NextDouble() * 2) - 1;
        }

        int first = (int)(start * sampleRate);
        int length = (int)((hold + 0.05) * sampleRate);
        int index = 0;
        double previous = 0;
        for (int i = 0; i < length && first + i < buffer.Length; i++)
        {
            double t = (double)i / sampleRate;
            double current = line[index];
            line[index] = damping * 0.5 * (current + previous);
            previous = current;
            index = (index + 1) % period;
            buffer[first + i] += (float)(velocity * 0.3 * current * Release(t, hold, 0.05));
        }
    }

    /// <summary>A kick drum: a sine sweeping from about 150 Hz down to 48 Hz with a click.</summary>
    public void Kick(Span<float> buffer, double start, double velocity)
    {
        int first = (int)(start * sampleRate);
        int length = (int)(0.35 * sampleRate);
        double phase = 0;
        for (int i = 0; i < length && first + i < buffer.Length; i++)
        {
            double t = (double)i / sampleRate;
            double frequency = 48 + (100 * Math.Exp(-t / 0.035));
            phase += 2 * Math.PI * frequency / sampleRate;
            double body = Math.Sin(phase) * Math.Exp(-t / 0.12);
            double click = ((random.NextDouble() * 2) - 1) * Math.Exp(-t / 0.002) * 0.3;
            buffer[first + i] += (float)(velocity * 0.8 * (body + click));
        }
    }

    /// <summary>A snare drum: a 190-Hz body and a longer band of noise (the wires).</summary>
    public void Snare(Span<float> buffer, double start, double velocity)
    {
        int first = (int)(start * sampleRate);
        int length = (int)(0.25 * sampleRate);
        double low = 0;
        for (int i = 0; i < length && first + i < buffer.Length; i++)
        {
            double t = (double)i / sampleRate;
            double white = (random.NextDouble() * 2) - 1;
            low += 0.35 * (white - low);                       // a gentle low-pass keeps the wires from hissing
            double wires = (white - (0.5 * low)) * Math.Exp(-t / 0.07);
            double body = Math.Sin(2 * Math.PI * 190 * t) * Math.Exp(-t / 0.04);
            buffer[first + i] += (float)(velocity * ((0.35 * wires) + (0.4 * body)));
        }
    }

    /// <summary>A hi-hat: high-passed noise, short when closed, longer when open.</summary>
    public void HiHat(Span<float> buffer, double start, double velocity, bool open)
    {
        double decay = open ? 0.18 : 0.025;
        HighPassedNoise(buffer, start, velocity * 0.06, decay * 6, decay);
    }

    /// <summary>A crash cymbal: a long, bright wash of high-passed noise.</summary>
    public void Crash(Span<float> buffer, double start, double velocity)
    {
        HighPassedNoise(buffer, start, velocity * 0.05, 2.0, 0.6);
    }

    /// <summary>First-differenced white noise (a bright hiss) decaying exponentially: the metal of hats and cymbals.</summary>
    private void HighPassedNoise(Span<float> buffer, double start, double gain, double seconds, double decay)
    {
        int first = (int)(start * sampleRate);
        int length = (int)(seconds * sampleRate);
        double previous = 0;
        for (int i = 0; i < length && first + i < buffer.Length; i++)
        {
            double t = (double)i / sampleRate;
            double white = (random.NextDouble() * 2) - 1;
            double high = white - previous;
            previous = white;
            buffer[first + i] += (float)(gain * high * Math.Exp(-t / decay));
        }
    }

    /// <summary>
    /// A guitar string for an amplifier: a Karplus–Strong string with a bright pick (a first-differenced burst) and a
    /// short fade when damped; mixed clean into a guitar bus that <see cref="Drive"/> then distorts as a whole.
    /// </summary>
    /// <param name="buffer">The guitar bus.</param>
    /// <param name="start">Onset in seconds.</param>
    /// <param name="midi">Pitch.</param>
    /// <param name="velocity">0..1.</param>
    /// <param name="hold">Seconds the string rings before the hand damps it.</param>
    /// <param name="damping">Loss per period, 0.990 (palm-muted) to 0.999 (let ring).</param>
    public void GuitarString(Span<float> buffer, double start, int midi, double velocity, double hold, double damping)
    {
        int period = Math.Max(2, (int)Math.Round(sampleRate / Frequency(midi)));
        var line = new double[period];
        double last = 0;
        for (int i = 0; i < period; i++)
        {
            double white = (random.NextDouble() * 2) - 1;
            line[i] = (0.6 * white) + (0.4 * (white - last));
            last = white;
        }

        int first = (int)(start * sampleRate);
        int length = (int)((hold + 0.02) * sampleRate);
        int index = 0;
        double previous = 0;
        for (int i = 0; i < length && first + i < buffer.Length; i++)
        {
            double t = (double)i / sampleRate;
            double current = line[index];
            line[index] = damping * ((0.6 * current) + (0.4 * previous));
            previous = current;
            index = (index + 1) % period;
            buffer[first + i] += (float)(velocity * current * Release(t, hold, 0.02));
        }
    }

    /// <summary>An amplifier: <paramref name="gain"/> into a soft clipper, then a gentle low-pass (the speaker cabinet).</summary>
    /// <param name="buffer">A bus of clean strings, distorted in place.</param>
    /// <param name="gain">Drive into the tanh clipper (1: clean, 8: heavy).</param>
    /// <param name="cabinet">The one-pole low-pass's coefficient per sample, 0..1 (smaller is darker).</param>
    public static void Drive(Span<float> buffer, double gain, double cabinet)
    {
        double low = 0;
        for (int i = 0; i < buffer.Length; i++)
        {
            double driven = Math.Tanh(gain * buffer[i]);
            low += cabinet * (driven - low);
            buffer[i] = (float)low;
        }
    }

    private static double Release(double t, double hold, double release) =>
        t <= hold ? 1 : Math.Max(0, 1 - ((t - hold) / release));
}
