using System.Diagnostics;

namespace MusicEmotion.Audio.Tests.TestSupport;

/// <summary>Runs the real ffmpeg to make encoded fixtures (mp3, flac, ogg, m4a) from generated WAV files.</summary>
internal static class Ffmpeg
{
    public static void Encode(string inputWav, string output, params string[] codecArguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", inputWav })
        {
            info.ArgumentList.Add(a);
        }

        foreach (string a in codecArguments)
        {
            info.ArgumentList.Add(a);
        }

        info.ArgumentList.Add(output);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start");
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed to make the fixture: {error}");
        }
    }
}
