using MusicEmotion.Cli.Output;
using System.Buffers.Binary;
using System.CommandLine;
using System.Globalization;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer demo [--out demo.wav] [--seconds 30]</c>: synthesises a short two-part piece so that anyone can try
/// <c>mer analyze</c> without a song at hand: a calm, slow, soft minor first half (sustained low chords, no
/// percussion) and an energetic, loud, fast major second half (bright chord stabs, bass and drums at 140 BPM).
/// </summary>
internal static class DemoCommand
{
    /// <summary>Sample rate of the demo WAV (the rate the emotion model works at).</summary>
    public const int SampleRate = 22050;

    /// <summary>Tempo of the energetic half.</summary>
    public const double Bpm = 140;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var outPath = new Option<string>("--out") { Description = "Where to write the WAV (default demo.wav).", DefaultValueFactory = _ => "demo.wav" };
        var seconds = new Option<double>("--seconds") { Description = "Length in seconds, 4 to 600 (default 30): the first half calm, the second energetic.", DefaultValueFactory = _ => 30 };
        var command = new Command("demo", "Write a short synthetic song (calm minor half, then energetic major half) to try `mer analyze` on.") { outPath, seconds };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            string destination = parse.GetValue(outPath)!;
            double length = parse.GetValue(seconds);
            if (!(length is >= 4 and <= 600))
            {
                throw new CliInputException(string.Create(CultureInfo.InvariantCulture, $"--seconds must be between 4 and 600 (got {length})"));
            }

            OutputPaths.EnsureWritable(destination);
            float[] samples = await Task.Run(() => Synthesize(length), cancellationToken).ConfigureAwait(false);
            WriteWavAtomically(destination, samples, SampleRate);
            string half = Output.AnalysisText.Clock(length / 2);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"wrote {destination}: {length:0.#} s, {SampleRate} Hz 16-bit mono; calm, slow, soft minor chords until {half}, then energetic {Bpm:0} BPM major chords with drums")).ConfigureAwait(false);
            string quoted = destination.Contains(' ', StringComparison.Ordinal) ? $"\"{destination}\"" : destination;
            string png = Path.ChangeExtension(destination, ".png");
            png = png.Contains(' ', StringComparison.Ordinal) ? $"\"{png}\"" : png;
            await output.WriteLineAsync($"next: mer analyze {quoted} --plot {png}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The demo piece, mono, on [-1, 1]: <paramref name="seconds"/> long at <see cref="SampleRate"/>.</summary>
    internal static float[] Synthesize(double seconds)
    {
        int total = (int)Math.Round(seconds * SampleRate);
        int half = total / 2;
        var samples = new float[total];
        Calm(samples.AsSpan(0, half));
        Energetic(samples.AsSpan(half));
        Level(samples.AsSpan(0, half), rms: 0.04);  // about −28 dBFS: soft
        Level(samples.AsSpan(half), rms: 0.25);     // about −12 dBFS: loud, soft-limited below full scale
        return samples;
    }

    // A minor: Am – F – Dm – Em, four seconds each, soft sine pads with slow swells.
    private static void Calm(Span<float> buffer)
    {
        double[][] chords =
        [
            [110.00, 130.81, 164.81], // Am
            [87.31, 110.00, 130.81],  // F
            [146.83, 174.61, 220.00], // Dm
            [82.41, 123.47, 164.81],  // Em
        ];
        const double chordSeconds = 4.0;
        double fade = 0.6;
        double length = buffer.Length / (double)SampleRate;
        for (int i = 0; i < buffer.Length; i++)
        {
            double t = i / (double)SampleRate;
            int index = (int)(t / chordSeconds);
            double local = t - (index * chordSeconds);
            double[] chord = chords[index % chords.Length];
            double envelope = Math.Min(1, local / 1.2) * Math.Min(1, (chordSeconds - local) / 1.2);
            double v = 0;
            foreach (double f in chord)
            {
                double phase = 2 * Math.PI * f * t;
                v += Math.Sin(phase) + (0.25 * Math.Sin(2 * phase)) + (0.05 * Math.Sin(3 * phase));
            }

            double swell = 0.85 + (0.15 * Math.Sin(2 * Math.PI * 0.2 * t));
            double edges = Math.Min(1, t / fade) * Math.Min(1, (length - t) / fade);
            buffer[i] = (float)(v * envelope * swell * edges);
        }
    }

    // C major at 140 BPM: C – G – F – C, a bar each; bright stabs on every eighth, bass on beats, kick, snare, hi-hat.
    private static void Energetic(Span<float> buffer)
    {
        double[][] chords =
        [
            [261.63, 329.63, 392.00, 523.25], // C
            [196.00, 246.94, 293.66, 392.00], // G
            [174.61, 220.00, 261.63, 349.23], // F
            [261.63, 329.63, 392.00, 523.25], // C
        ];
        double beat = 60.0 / Bpm;
        double eighth = beat / 2;
        var random = new Random(1234);
        double noiseState = 0;
        for (int i = 0; i < buffer.Length; i++)
        {
            double t = i / (double)SampleRate;
            int beatIndex = (int)(t / beat);
            double sinceBeat = t - (beatIndex * beat);
            double sinceEighth = t - ((int)(t / eighth) * eighth);
            double[] chord = chords[(beatIndex / 4) % chords.Length];

            // Chord stab: a bright additive sawtooth with a fast decay.
            double stab = 0;
            double stabEnvelope = Math.Exp(-sinceEighth / 0.09);
            foreach (double f in chord)
            {
                for (int k = 1; k <= 8; k++)
                {
                    stab += Math.Sin(2 * Math.PI * f * k * t) / k;
                }
            }

            stab *= 0.10 * stabEnvelope;

            // Bass: the chord's root two octaves down, square-ish, on every beat.
            double root = chord[0] / 2;
            double bass = 0.35 * Math.Tanh(3 * Math.Sin(2 * Math.PI * root * t)) * Math.Exp(-sinceBeat / 0.25);

            // Kick on every beat: a sine sweeping from 150 Hz down to 45 Hz.
            double kickPhase = 2 * Math.PI * ((45 * sinceBeat) + ((105 * 0.03) * (1 - Math.Exp(-sinceBeat / 0.03))));
            double kick = 0.9 * Math.Sin(kickPhase) * Math.Exp(-sinceBeat / 0.09);

            double white = (random.NextDouble() * 2) - 1;
            double highPassed = white - noiseState;
            noiseState = white;

            // Snare on beats 2 and 4: noise and a 190 Hz body.
            double snare = beatIndex % 2 == 1
                ? ((0.55 * white) + (0.3 * Math.Sin(2 * Math.PI * 190 * sinceBeat))) * Math.Exp(-sinceBeat / 0.07)
                : 0;

            // Closed hi-hat on every eighth.
            double hat = 0.18 * highPassed * Math.Exp(-sinceEighth / 0.015);

            buffer[i] = (float)(stab + bass + kick + snare + hat);
        }
    }

    /// <summary>Scales <paramref name="buffer"/> to an RMS level, then soft-limits peaks (tanh) to stay below 0.95.</summary>
    private static void Level(Span<float> buffer, double rms)
    {
        double sum = 0;
        foreach (float v in buffer)
        {
            sum += (double)v * v;
        }

        double current = Math.Sqrt(sum / Math.Max(1, buffer.Length));
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

    /// <summary>Writes 16-bit PCM mono WAV bytes to a temporary file beside <paramref name="path"/>, then moves it into place.</summary>
    internal static void WriteWavAtomically(string path, ReadOnlySpan<float> samples, int sampleRate)
    {
        byte[] bytes = new byte[44 + (samples.Length * 2)];
        Span<byte> b = bytes;
        "RIFF"u8.CopyTo(b);
        BinaryPrimitives.WriteInt32LittleEndian(b[4..], bytes.Length - 8);
        "WAVE"u8.CopyTo(b[8..]);
        "fmt "u8.CopyTo(b[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(b[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(b[20..], 1);             // PCM
        BinaryPrimitives.WriteInt16LittleEndian(b[22..], 1);             // mono
        BinaryPrimitives.WriteInt32LittleEndian(b[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(b[28..], sampleRate * 2); // byte rate
        BinaryPrimitives.WriteInt16LittleEndian(b[32..], 2);             // block align
        BinaryPrimitives.WriteInt16LittleEndian(b[34..], 16);            // bits per sample
        "data"u8.CopyTo(b[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(b[40..], samples.Length * 2);
        for (int i = 0; i < samples.Length; i++)
        {
            short s = (short)Math.Round(Math.Clamp(samples[i], -1f, 1f) * short.MaxValue);
            BinaryPrimitives.WriteInt16LittleEndian(b[(44 + (i * 2))..], s);
        }

        OutputPaths.WriteAtomically(path, bytes);
    }
}
