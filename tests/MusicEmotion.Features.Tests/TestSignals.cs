using MusicEmotion.Features.IO;

namespace MusicEmotion.Features.Tests;

internal static class TestSignals
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static NpyArray ReadFixture(string name) => NpyReader.Read(Fixture(name));

    public static float[] GoldenSignal() => ReadFixture("signal.npy").ToSingleArray();

    public static float[] Sine(double frequency, int sampleRate, int length, double amplitude = 0.5)
    {
        var y = new float[length];
        for (int i = 0; i < length; i++)
        {
            y[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return y;
    }

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
}
