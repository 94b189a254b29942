using System.Diagnostics;

namespace MusicEmotion.Benchmarks;

/// <summary>Deterministic test audio for the benchmarks (generated, never committed).</summary>
internal static class BenchmarkAudio
{
    /// <summary>A music-like mono signal: a few harmonics with vibrato, a beat and some noise.</summary>
    public static float[] MusicLike(int sampleRate, double seconds, int seed = 1)
    {
        var random = new Random(seed);
        int n = (int)(sampleRate * seconds);
        float[] x = new float[n];
        for (int i = 0; i < n; i++)
        {
            double t = (double)i / sampleRate;
            double f0 = 220 * (1 + 0.01 * Math.Sin(2 * Math.PI * 5 * t));
            double v = 0.3 * Math.Sin(2 * Math.PI * f0 * t) + 0.15 * Math.Sin(2 * Math.PI * 2 * f0 * t) + 0.07 * Math.Sin(2 * Math.PI * 3 * f0 * t);
            double beat = (t * 2) % 1.0 < 0.05 ? 0.3 * (random.NextDouble() * 2 - 1) : 0;
            x[i] = (float)(v + beat + 0.02 * (random.NextDouble() * 2 - 1));
        }

        return x;
    }

    /// <summary>Writes a 16-bit PCM WAV with the given channel count (the mono signal copied to every channel).</summary>
    public static void WriteWav(string path, float[] mono, int sampleRate, int channels) =>
        File.WriteAllBytes(path, MusicEmotion.Tests.Shared.PcmWav.Encode16(MusicEmotion.Tests.Shared.PcmWav.Interleave(mono, channels), sampleRate, channels));

    /// <summary>Encodes a WAV file with the real ffmpeg.</summary>
    public static void Encode(string wav, string output, params string[] codec)
    {
        var info = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (string a in new[] { "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", wav }.Concat(codec).Append(output))
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException(err);
        }
    }
}
