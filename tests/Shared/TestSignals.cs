using System.Diagnostics;

namespace MusicEmotion.Tests.Shared;

/// <summary>Reproducible test signals and the audio files made of them (the one signal helper of every test project).</summary>
internal static class TestSignals
{
    /// <summary>
    /// Sample <paramref name="n"/> of a signal whose lowest mel bands (about 46 and 93 Hz for the default recipe)
    /// change loudness from second to second, plus a little noise, a tone that steps up each second and plucked notes
    /// four times a second, so per-second predictions of mean_model differ and every second reads as music.
    /// </summary>
    public static float Sample(long n, int sampleRate, int seed = 0)
    {
        double t = (double)n / sampleRate;
        double slow = 0.5 + (0.45 * Math.Sin((2 * Math.PI * 0.13 * t) + seed));
        double slower = 0.5 + (0.45 * Math.Cos((2 * Math.PI * 0.07 * t) + (2 * seed)));
        double noise = (((n * 1103515245L) + 12345 + seed) & 0xFFFF) / 65536.0 - 0.5;
        double beat = t * 4;
        double pluck = Math.Exp(-(beat - Math.Floor(beat)) * 5);
        double pitch = 330 * Math.Pow(2, ((((long)Math.Floor(beat) * 5) + seed) % 12) / 12.0);
        return (float)((0.3 * slow * Math.Sin(2 * Math.PI * 46 * t))
                       + (0.3 * slower * Math.Sin(2 * Math.PI * 93 * t))
                       + (0.1 * Math.Sin(2 * Math.PI * (440 + (110 * Math.Floor(t))) * t))
                       + (0.12 * pluck * Math.Sin(2 * Math.PI * pitch * t))
                       + (0.02 * noise));
    }

    /// <summary><paramref name="seconds"/> of <see cref="Sample"/>.</summary>
    public static float[] Mono(double seconds, int sampleRate, int seed = 0)
    {
        var samples = new float[(int)Math.Round(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = Sample(i, sampleRate, seed);
        }

        return samples;
    }

    /// <summary>A sine of <paramref name="length"/> samples.</summary>
    public static float[] Sine(double frequency, int sampleRate, int length, double amplitude = 0.5)
    {
        var y = new float[length];
        for (int i = 0; i < length; i++)
        {
            y[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return y;
    }

    /// <summary>Uniform white noise of <paramref name="length"/> samples.</summary>
    public static float[] WhiteNoise(int length, int seed, double amplitude = 0.5)
    {
        var random = new Random(seed);
        var y = new float[length];
        for (int i = 0; i < length; i++)
        {
            y[i] = (float)(amplitude * ((2 * random.NextDouble()) - 1));
        }

        return y;
    }

    /// <summary>Click track: 10 ms decaying 1.5 kHz bursts every 60/bpm seconds.</summary>
    public static float[] ClickTrack(double bpm, int sampleRate, double seconds)
    {
        var y = new float[(int)(seconds * sampleRate)];
        double period = 60.0 * sampleRate / bpm;
        int burst = sampleRate / 100;
        for (int beat = 0; ; beat++)
        {
            int start = (int)Math.Round(beat * period);
            if (start >= y.Length)
            {
                break;
            }

            for (int i = 0; i < burst && start + i < y.Length; i++)
            {
                y[start + i] += (float)(0.8 * Math.Exp(-i / (0.002 * sampleRate)) * Math.Sin(2 * Math.PI * 1500.0 * i / sampleRate));
            }
        }

        return y;
    }

    /// <summary>
    /// A chord progression over a kick drum with a little noise, mono: enough structure for a model to react to. Each of
    /// <paramref name="chords"/> (frequencies in Hz; default A major, G major, F major) sounds for
    /// <paramref name="chordSeconds"/> in turn, and the kick strikes <paramref name="beatsPerSecond"/> times a second.
    /// </summary>
    public static float[] ChordsOverKick(int sampleRate, double seconds, double[][]? chords = null, double chordSeconds = 3, double beatsPerSecond = 2.5, int seed = 3)
    {
        chords ??= [[220, 277.2, 329.6], [196, 246.9, 293.7], [174.6, 220, 261.6]];
        var random = new Random(seed);
        float[] x = new float[(int)(sampleRate * seconds)];
        for (int i = 0; i < x.Length; i++)
        {
            double t = (double)i / sampleRate;
            double[] chord = chords[(int)(t / chordSeconds) % chords.Length];
            double tone = chord.Sum(f => Math.Sin(2 * Math.PI * f * t)) * 0.12;
            double beat = t * beatsPerSecond % 1.0;
            double kick = beat < 0.08 ? Math.Sin(2 * Math.PI * 60 * beat) * (1 - (beat / 0.08)) * 0.5 : 0;
            x[i] = (float)(tone + kick + (0.03 * ((random.NextDouble() * 2) - 1)));
        }

        return x;
    }

    /// <summary>Interleaved samples of a few tones with a slow tremolo (the second channel quieter).</summary>
    public static float[] Tones(double seconds, int sampleRate, int channels, double baseHz)
    {
        int frames = (int)Math.Round(seconds * sampleRate);
        var samples = new float[frames * channels];
        for (int i = 0; i < frames; i++)
        {
            double t = (double)i / sampleRate;
            double x = 0.4 * (0.6 + (0.4 * Math.Sin(2 * Math.PI * 1.5 * t))) * Math.Sin(2 * Math.PI * baseHz * t)
                       + (0.2 * Math.Sin(2 * Math.PI * baseHz * 2.5 * t));
            for (int c = 0; c < channels; c++)
            {
                samples[(i * channels) + c] = (float)(x * (c == 0 ? 1.0 : 0.7));
            }
        }

        return samples;
    }

    /// <summary>A 16-bit PCM WAV file of interleaved <paramref name="samples"/>.</summary>
    public static byte[] Wav16(ReadOnlySpan<float> samples, int sampleRate, int channels) => PcmWav.Encode16(samples, sampleRate, channels);

    /// <summary>Encodes a WAV file to MP3 with the installed ffmpeg.</summary>
    public static void EncodeMp3(string wavPath, string mp3Path)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { "-nostdin", "-v", "error", "-y", "-i", wavPath, "-c:a", "libmp3lame", "-b:a", "128k", mp3Path })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed ({process.ExitCode}): {errors}");
        }
    }
}
