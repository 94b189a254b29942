namespace MusicEmotion.Cli.Tests;

/// <summary>Runs <c>mer</c> in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await MerApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

/// <summary>A scratch directory deleted when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mer-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

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

internal static class TestWav
{
    /// <summary>A 16-bit PCM WAV of a sine (stereo copies) written to <paramref name="path"/>.</summary>
    public static string Sine(string path, int sampleRate, double seconds, int channels = 1, double frequency = 440)
    {
        int frames = (int)(sampleRate * seconds);
        float[] mono = new float[frames];
        for (int i = 0; i < frames; i++)
        {
            mono[i] = (float)(0.5 * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        System.IO.File.WriteAllBytes(path, MusicEmotion.Tests.Shared.PcmWav.Encode16(MusicEmotion.Tests.Shared.PcmWav.Interleave(mono, channels), sampleRate, channels));
        return path;
    }
}
