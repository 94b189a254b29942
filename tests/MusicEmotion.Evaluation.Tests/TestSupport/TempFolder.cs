using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace MusicEmotion.Evaluation.Tests.TestSupport;

/// <summary>A temporary dataset folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "mer-eval-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes UTF-8 text (no BOM) to <paramref name="relative"/>, creating folders.</summary>
    public string WriteText(string relative, string text)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string relative, byte[] bytes)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Generated audio files.</summary>
internal static class TestAudio
{
    /// <summary>Interleaved samples of a few tones with a slow tremolo.</summary>
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

    /// <summary>16-bit PCM WAV bytes.</summary>
    public static byte[] Wav16(ReadOnlySpan<float> interleaved, int sampleRate, int channels) =>
        MusicEmotion.Tests.Shared.PcmWav.Encode16(interleaved, sampleRate, channels);

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
