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
    /// <summary>
    /// A 16-bit PCM WAV of a short piece that reads as music (<see cref="MusicEmotion.Tests.Shared.TestSignals.Mono"/>:
    /// changing tones and plucked notes; stereo copies), written to <paramref name="path"/>; <paramref name="seed"/> makes
    /// different pieces.
    /// </summary>
    public static string Song(string path, int sampleRate, double seconds, int channels = 1, int seed = 0)
    {
        float[] mono = MusicEmotion.Tests.Shared.TestSignals.Mono(seconds, sampleRate, seed);
        System.IO.File.WriteAllBytes(path, MusicEmotion.Tests.Shared.PcmWav.Encode16(MusicEmotion.Tests.Shared.PcmWav.Interleave(mono, channels), sampleRate, channels));
        return path;
    }
}
