namespace MusicEmotion.NAudio.Tests;

/// <summary>Deterministic music-like test signals.</summary>
internal static class TestAudio
{
    /// <summary>A chord progression over a kick drum with a little noise, mono.</summary>
    public static float[] Song(int rate, double seconds, int seed = 3)
    {
        var random = new Random(seed);
        double[][] chords = [[220, 277.2, 329.6], [196, 246.9, 293.7], [174.6, 220, 261.6]];
        float[] x = new float[(int)(rate * seconds)];
        for (int i = 0; i < x.Length; i++)
        {
            double t = (double)i / rate;
            double[] chord = chords[(int)(t / 3) % chords.Length];
            double tone = chord.Sum(f => Math.Sin(2 * Math.PI * f * t)) * 0.12;
            double beat = t * 2.5 % 1.0;
            double kick = beat < 0.08 ? Math.Sin(2 * Math.PI * 60 * beat) * (1 - (beat / 0.08)) * 0.5 : 0;
            x[i] = (float)(tone + kick + (0.03 * ((random.NextDouble() * 2) - 1)));
        }

        return x;
    }
}
