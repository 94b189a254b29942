using System.Buffers.Binary;

namespace MusicEmotion.Inference.Tests.Prediction;

/// <summary>Reproducible test audio and WAV files.</summary>
internal static class TestSignals
{
    /// <summary>
    /// A signal whose lowest mel bands (about 46 and 93 Hz for the default recipe) change loudness from second to
    /// second, plus a little noise and a melody, so per-second predictions of mean_model differ.
    /// </summary>
    public static float Sample(long n, int sampleRate, int seed = 0)
    {
        double t = (double)n / sampleRate;
        double slow = 0.5 + (0.45 * Math.Sin((2 * Math.PI * 0.13 * t) + seed));
        double slower = 0.5 + (0.45 * Math.Cos((2 * Math.PI * 0.07 * t) + (2 * seed)));
        double noise = (((n * 1103515245L) + 12345 + seed) & 0xFFFF) / 65536.0 - 0.5;
        return (float)((0.3 * slow * Math.Sin(2 * Math.PI * 46 * t))
                       + (0.3 * slower * Math.Sin(2 * Math.PI * 93 * t))
                       + (0.1 * Math.Sin(2 * Math.PI * (440 + (110 * Math.Floor(t))) * t))
                       + (0.02 * noise));
    }

    public static float[] Mono(double seconds, int sampleRate, int seed = 0)
    {
        var samples = new float[(int)Math.Round(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = Sample(i, sampleRate, seed);
        }

        return samples;
    }

    /// <summary>A 16-bit PCM WAV file of interleaved <paramref name="samples"/>.</summary>
    public static byte[] Wav16(ReadOnlySpan<float> samples, int sampleRate, int channels) =>
        MusicEmotion.Tests.Shared.PcmWav.Encode16(samples, sampleRate, channels);

    /// <summary>A temporary folder deleted on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mer-inference-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Write(string name, byte[] bytes)
        {
            string path = System.IO.Path.Combine(Path, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
