using System.Diagnostics;
using MusicEmotion.Tests.Shared;

namespace MusicEmotion.Notes.Tests.Transcription;

/// <summary>An EMOPIA clip's MIDI file and its rendering.</summary>
internal sealed record RenderedClip(string Id, string MidiPath, string WavPath);

/// <summary>
/// The first val clip (by id) of each EMOPIA quadrant, rendered exactly as ../shared/data/README.md says (fluidsynth,
/// FluidR3_GM, 22,050 Hz, gain 0.6), for the tests that compare a transcription with the clip's own MIDI.
/// </summary>
internal static class RenderedEmopiaClips
{
    private const string SoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";

    /// <summary>Renders the four clips into <paramref name="folder"/>, in quadrant order; skips the test without the data or fluidsynth.</summary>
    public static IReadOnlyList<RenderedClip> RenderFirstValClipOfEachQuadrant(string folder)
    {
        string labels = SharedData.Require("emopia", "labels.csv");
        Skip.IfNot(File.Exists(SoundFont) && CanRun("fluidsynth"), "fluidsynth and fluid-soundfont-gm are not installed (scripts/ensure-prerequisites.sh installs them)");
        string[][] clips = File.ReadLines(labels).Skip(1).Select(l => l.Split(',')).Where(r => r[2] == "val")
            .GroupBy(r => r[1]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.OrderBy(r => r[0], StringComparer.Ordinal).First()).ToArray();
        var rendered = new List<RenderedClip>();
        foreach (string[] clip in clips)
        {
            string midi = Path.Combine(Path.GetDirectoryName(labels)!, clip[3]);
            string wav = Path.Combine(folder, clip[0] + ".wav");
            Render(midi, wav);
            rendered.Add(new RenderedClip(clip[0], midi, wav));
        }

        return rendered;
    }

    private static void Render(string midi, string wav)
    {
        var info = new ProcessStartInfo("fluidsynth") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "-ni", "-q", "-F", wav, "-r", "22050", "-g", "0.6", SoundFont, midi })
        {
            info.ArgumentList.Add(a);
        }

        using Process p = Process.Start(info)!;
        Task<string> output = p.StandardOutput.ReadToEndAsync();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        _ = output.Result;
        p.ExitCode.Should().Be(0, error);
    }

    private static bool CanRun(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, program)));
}
