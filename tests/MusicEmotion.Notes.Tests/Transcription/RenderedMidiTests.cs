using System.Diagnostics;
using MusicEmotion.Notes.Midi;
using MusicEmotion.Tests.Shared;

namespace MusicEmotion.Notes.Tests.Transcription;

/// <summary>A real EMOPIA piano clip rendered exactly as ../shared/data/README.md says, against its own MIDI.</summary>
public sealed class RenderedMidiTests(TranscriberFixture fixture) : IClassFixture<TranscriberFixture>
{
    private const string SoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";

    [SkippableFact]
    public async Task A_rendered_EMOPIA_clip_is_transcribed_with_onset_F1_of_at_least_0_7()
    {
        string labels = SharedData.Require("emopia", "labels.csv");
        Skip.IfNot(File.Exists(SoundFont) && CanRun("fluidsynth"), "fluidsynth and fluid-soundfont-gm are not installed (scripts/ensure-prerequisites.sh installs them)");
        string[] clip = File.ReadLines(labels).Skip(1).Select(l => l.Split(',')).Where(r => r[2] == "val").OrderBy(r => r[0], StringComparer.Ordinal).First();
        string midi = Path.Combine(Path.GetDirectoryName(labels)!, clip[3]);
        string wav = Path.Combine(fixture.Directory, clip[0] + ".wav");
        Render(midi, wav);

        NoteTranscription transcription = await fixture.Transcriber.TranscribeAsync(wav);
        IReadOnlyList<NoteEvent> reference = NoteMidiFile.ReadNotes(midi);
        (double precision, double recall, double f1, _) = OnsetMatching.Score(reference, transcription.Notes);

        reference.Should().HaveCountGreaterThan(50);
        f1.Should().BeGreaterThanOrEqualTo(0.7, $"onset precision {precision:0.000}, recall {recall:0.000} on {clip[0]} (50 ms, exact pitch)");
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
