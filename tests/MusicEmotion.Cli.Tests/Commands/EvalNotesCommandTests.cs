using System.Text.Json;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Midi;

namespace MusicEmotion.Cli.Tests.Commands;

/// <summary>
/// <c>mer eval notes</c> on real renders: MIDI files written here (the synthesised scale and chords, known notes) and
/// rendered by FluidSynth exactly as ../shared/data/README.md says; skipped, saying why, without FluidSynth.
/// </summary>
public sealed class EvalNotesCommandTests
{
    private const string SoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";

    [SkippableFact]
    public async Task A_rendered_scale_and_chords_scores_high_and_a_broken_file_is_skipped_with_its_reason()
    {
        SkipWithoutFluidSynth();
        using var dir = new TempDirectory();
        string midi = Directory.CreateDirectory(dir.File("midi")).FullName;
        NoteMidiFile.Save(ScaleAndChords(), Path.Combine(midi, "scale.mid"));
        File.WriteAllText(Path.Combine(midi, "broken.mid"), "MThd but not really a MIDI file");
        string json = dir.File("report.json");

        var (code, output, error) = await CliRunner.RunAsync("eval", "notes", "--midi", midi, "--json", json, "--jobs", "1");

        code.Should().Be(ExitCodes.Success, error);
        output.Should().Contain("1 files").And.Contain("onset + offset");
        error.Should().Contain("mer: skipped broken:");
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement root = report.RootElement;
        root.GetProperty("clips").GetInt32().Should().Be(1);
        root.GetProperty("rendering").GetString().Should().Be($"fluidsynth -ni -q -F <clip>.wav -r 22050 -g 0.6 {SoundFont} <clip>.mid");
        JsonElement onset = root.GetProperty("results")[0].GetProperty("onset");
        onset.GetProperty("reference").GetInt32().Should().Be(21);
        onset.GetProperty("recall").GetDouble().Should().BeGreaterThan(0.9, "a piano rendering of 21 clear notes is found");
        root.GetProperty("onset").GetProperty("meanF1").GetDouble().Should().Be(onset.GetProperty("f1").GetDouble());
        root.GetProperty("withOffset").GetProperty("pooled").GetProperty("matched").GetInt32()
            .Should().BeLessThanOrEqualTo(onset.GetProperty("matched").GetInt32(), "offsets only take matches away");
        root.GetProperty("skipped").EnumerateArray().Should().ContainSingle().Which.GetProperty("clip").GetString().Should().Be("broken");
        Directory.GetFiles(dir.Path).Should().ContainSingle("the renderings went to a temporary folder, deleted afterwards");
    }

    [SkippableFact]
    public async Task Split_reads_the_datasets_index_and_renders_are_kept_where_asked()
    {
        SkipWithoutFluidSynth();
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("midi"));
        NoteMidiFile.Save(ScaleAndChords(), dir.File("midi/a.mid"));
        NoteMidiFile.Save(ScaleAndChords() with { Notes = ScaleAndChords().Notes.Take(8).ToArray() }, dir.File("midi/b.mid"));
        File.WriteAllText(dir.File("labels.csv"), "clip,quadrant,split,midi,song\na,Q1,train,midi/a.mid,s1\nb,Q2,val,midi/b.mid,s2\n");
        string renders = Directory.CreateDirectory(dir.File("renders")).FullName;

        var (code, output, error) = await CliRunner.RunAsync("eval", "notes", "--midi", dir.File("midi"), "--split", "val", "--renders", renders);

        code.Should().Be(ExitCodes.Success, error);
        output.Should().Contain("(split val): 1 files").And.Contain("notes: 8 in the MIDI");
        Directory.GetFiles(renders).Select(Path.GetFileName).Should().Equal("b.wav");
    }

    [Fact]
    public async Task A_missing_soundfont_is_an_environment_error_and_a_missing_folder_an_input_error()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("midi"));

        var (noFont, _, fontError) = await CliRunner.RunAsync("eval", "notes", "--midi", dir.File("midi"), "--soundfont", dir.File("none.sf2"));
        var (noSplit, _, splitError) = await CliRunner.RunAsync("eval", "notes", "--midi", dir.File("nowhere"));

        noFont.Should().Be(ExitCodes.EnvironmentError, fontError);
        fontError.Should().Contain("none.sf2");
        if (File.Exists(SoundFont))
        {
            noSplit.Should().Be(ExitCodes.InputError, splitError);
            splitError.Should().Contain("no such folder");
        }
    }

    private static NoteTranscription ScaleAndChords() => new("scale", 10, 120,
        SynthesizedMusic.ScaleAndChords().Select(n => new NoteEvent(n.Start, n.Start + n.Duration, n.Pitch, (float)n.Velocity, [])).OrderBy(n => n.StartSeconds).ThenBy(n => n.Pitch).ToArray());

    private static void SkipWithoutFluidSynth() =>
        Skip.IfNot(File.Exists(SoundFont) && (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "fluidsynth"))),
            "fluidsynth and fluid-soundfont-gm are not installed (scripts/ensure-prerequisites.sh installs them)");
}
