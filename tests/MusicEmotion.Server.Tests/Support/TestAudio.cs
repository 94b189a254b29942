namespace MusicEmotion.Server.Tests.Support;

/// <summary>Audio for the tests: synthetic WAVs of any length (distinct per seed), and real 4Q clips from the shared data.</summary>
internal static class TestAudio
{
    /// <summary>A mono 16-bit WAV: a chord whose pitch, brightness and pulse depend on <paramref name="seed"/>, so different seeds sound (and analyse) differently.</summary>
    public static byte[] Wav(double seconds, int seed = 1, int sampleRate = 22050) => PcmWav.Encode16(Samples(seconds, seed, sampleRate), sampleRate, 1);

    /// <summary>
    /// A mono 16-bit WAV of <paramref name="silenceSeconds"/> of digital silence, <paramref name="musicSeconds"/> of the
    /// chord of <see cref="Wav"/> and <paramref name="silenceSeconds"/> of silence again.
    /// </summary>
    public static byte[] WavInSilence(double silenceSeconds, double musicSeconds, int seed = 1, int sampleRate = 22050)
    {
        var silence = new float[(int)(silenceSeconds * sampleRate)];
        return PcmWav.Encode16([.. silence, .. Samples(musicSeconds, seed, sampleRate), .. silence], sampleRate, 1);
    }

    private static float[] Samples(double seconds, int seed, int sampleRate)
    {
        var random = new Random(seed);
        int n = (int)(seconds * sampleRate);
        var samples = new float[n];
        double root = 110 * Math.Pow(2, random.Next(0, 24) / 12.0);
        double pulse = 1 + random.NextDouble() * 4;
        double brightness = random.NextDouble();
        for (int i = 0; i < n; i++)
        {
            double t = (double)i / sampleRate;
            double envelope = 0.5 + 0.5 * Math.Sin(2 * Math.PI * pulse * t);
            double tone = Math.Sin(2 * Math.PI * root * t) + 0.6 * Math.Sin(2 * Math.PI * root * 1.25 * t) + 0.4 * Math.Sin(2 * Math.PI * root * 1.5 * t)
                + brightness * 0.5 * Math.Sin(2 * Math.PI * root * 4 * t);
            samples[i] = (float)(0.18 * envelope * tone + 0.02 * (random.NextDouble() - 0.5));
        }

        return samples;
    }

    /// <summary>The first clips of 4Q quadrant <paramref name="quadrant"/> (skips the test when the shared data is missing).</summary>
    public static string[] FourQClips(string quadrant, int count)
    {
        string folder = SharedData.Require("4q", "audio", quadrant);
        string[] clips = Directory.GetFiles(folder, "*.mp3").Order(StringComparer.Ordinal).Take(count).ToArray();
        Skip.If(clips.Length < count, $"{folder} holds fewer than {count} clips");
        return clips;
    }
}
