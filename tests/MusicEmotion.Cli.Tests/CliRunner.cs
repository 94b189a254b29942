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
