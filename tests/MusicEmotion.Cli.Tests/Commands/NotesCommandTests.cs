using System.CommandLine;
using System.Text.Json;
using MusicEmotion.Cli.Commands;
using MusicEmotion.Cli.Output;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Midi;

namespace MusicEmotion.Cli.Tests.Commands;

/// <summary>
/// <c>mer notes</c> on real files: the synthesised scale and chords (<see cref="SynthesizedMusic.ScaleAndChords"/>, 21
/// known notes) as a WAV and as an MP3 made by ffmpeg.
/// </summary>
public sealed class NotesCommandTests(NotesSongFixture song) : IClassFixture<NotesSongFixture>
{
    [Fact]
    public async Task Json_lists_every_note_of_the_scale_and_chords_with_tempo_key_and_chords()
    {
        var (code, output, error) = await CliRunner.RunAsync("notes", song.Wav, "--format", "json");

        code.Should().Be(ExitCodes.Success, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        root.GetProperty("file").GetString().Should().Be(song.Wav);
        root.GetProperty("durationSeconds").GetDouble().Should().BeApproximately(10, 0.01);
        JsonElement key = root.GetProperty("key");
        key.GetProperty("tonic").GetString().Should().Be("C");
        key.GetProperty("mode").GetString().Should().Be("major");
        key.GetProperty("label").GetString().Should().Be("C major");
        key.GetProperty("strength").GetDouble().Should().BeInRange(0.6, 1, "a scale and I–IV–V7–vi in C name C major clearly");
        JsonElement[] chords = root.GetProperty("chords").EnumerateArray().ToArray();
        // The chords sound 4.5-5.5 (C), 5.75-6.75 (F), 7.0-8.0 (G7), 8.25-9.25 (Am); each second's chord is the one sounding longest.
        ChordLabelAt(chords, 4.5).Should().Be("C");
        ChordLabelAt(chords, 6.5).Should().Be("F");
        ChordLabelAt(chords, 7.5).Should().Be("G7");
        ChordLabelAt(chords, 8.5).Should().Be("Am");
        ChordLabelAt(chords, 9.5).Should().Be("Am");
        chords.Select(c => c.GetProperty("start").GetDouble()).Should().BeInAscendingOrder();
        chords.Should().OnlyContain(c => c.GetProperty("end").GetDouble() > c.GetProperty("start").GetDouble() && c.GetProperty("end").GetDouble() <= 10);
        chords.Zip(chords.Skip(1)).Should().OnlyContain(p => p.First.GetProperty("end").GetDouble() <= p.Second.GetProperty("start").GetDouble()
            && (p.First.GetProperty("end").GetDouble() < p.Second.GetProperty("start").GetDouble() || p.First.GetProperty("label").GetString() != p.Second.GetProperty("label").GetString()),
            "spans do not overlap and neighbouring seconds of one chord are one span");
        JsonElement[] notes = root.GetProperty("notes").EnumerateArray().ToArray();
        root.GetProperty("noteCount").GetInt32().Should().Be(notes.Length);
        foreach (SynthesizedMusic.Note expected in SynthesizedMusic.ScaleAndChords())
        {
            notes.Should().Contain(n => n.GetProperty("pitch").GetInt32() == expected.Pitch && Math.Abs(n.GetProperty("start").GetDouble() - expected.Start) <= 0.025,
                $"pitch {expected.Pitch} at {expected.Start} s");
        }

        JsonElement c4 = notes.First(n => n.GetProperty("pitch").GetInt32() == 60);
        c4.GetProperty("name").GetString().Should().Be("C4");
        c4.GetProperty("end").GetDouble().Should().BeGreaterThan(c4.GetProperty("start").GetDouble());
        c4.GetProperty("velocity").GetInt32().Should().BeInRange(1, 127);
        notes.Select(n => n.GetProperty("start").GetDouble()).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task Csv_has_one_row_per_note_and_equals_the_json()
    {
        var (code, csv, _) = await CliRunner.RunAsync("notes", song.Wav, "--format", "csv");
        var (_, jsonText, _) = await CliRunner.RunAsync("notes", song.Wav, "--format", "json");

        code.Should().Be(ExitCodes.Success);
        string[] lines = csv.Trim().Split('\n');
        lines[0].Should().Be("start,end,pitch,name,amplitude,velocity,chord");
        using JsonDocument json = JsonDocument.Parse(jsonText);
        JsonElement[] notes = json.RootElement.GetProperty("notes").EnumerateArray().ToArray();
        lines.Should().HaveCount(notes.Length + 1);
        for (int i = 0; i < notes.Length; i++)
        {
            string[] cells = lines[i + 1].Split(',');
            double.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture).Should().Be(notes[i].GetProperty("start").GetDouble());
            int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture).Should().Be(notes[i].GetProperty("pitch").GetInt32());
            cells[3].Should().Be(notes[i].GetProperty("name").GetString());
        }

        string[] g7 = [.. lines.Skip(1).Select(l => l.Split(',')).Where(c => double.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture) is >= 6.9 and < 7.5).Select(c => c[6])];
        g7.Should().NotBeEmpty().And.OnlyContain(c => c == "G7", "the notes starting at 7 s begin the G7 chord");
    }

    [Fact]
    public async Task Table_shows_a_line_per_second_with_the_notes_starting_and_sounding()
    {
        var (code, output, _) = await CliRunner.RunAsync("notes", song.Wav);

        code.Should().Be(ExitCodes.Success);
        string[] lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines[0].Should().StartWith($"{song.Wav}: 10.0 s, tempo ").And.Contain(" notes (");
        lines[1].Should().MatchRegex(@"^key: C major \(strength 0\.\d\d\)$");
        lines[2].Should().Be("second  onsets  chord    sounding");
        lines.Should().HaveCount(3 + 10, "ten seconds");
        // Second 1 (1.0-2.0 s) of the scale: D4 starts at 1.0 s, E4 at 1.5 s; C4 (0.5-0.9 s) has ended.
        string second1 = lines[4];
        second1.Should().StartWith("     1  ").And.Contain("E4").And.NotContain("C4");
        lines[3].Should().StartWith("     0  ").And.Contain("C4", "C4 starts at 0.5 s");
        int.Parse(lines[3][6..14], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(0);
        lines[3 + 7].Should().StartWith("     7").And.Contain("  G7       ").And.Contain("G3 B3 D4 F4");
        lines[3 + 8].Should().StartWith("     8").And.Contain("  Am       ");
    }

    [Fact]
    public async Task Without_a_harmony_source_there_is_no_key_and_no_chords()
    {
        var output = new StringWriter();
        var root = new RootCommand { NotesCommand.Create(output, new StringWriter()) };
        int code = await root.Parse(["notes", song.Wav, "--format", "json"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = new StringWriter() });

        code.Should().Be(ExitCodes.Success);
        using JsonDocument json = JsonDocument.Parse(output.ToString());
        json.RootElement.TryGetProperty("key", out _).Should().BeFalse("nothing is invented");
        json.RootElement.TryGetProperty("chords", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Midi_option_writes_a_file_with_the_notes_and_the_tempo()
    {
        using var dir = new TempDirectory();
        string midi = dir.File("song.mid");

        var (code, output, error) = await CliRunner.RunAsync("notes", song.Mp3, "--format", "json", "--midi", midi);

        code.Should().Be(ExitCodes.Success, error);
        error.Should().Contain($"wrote {midi}");
        using JsonDocument json = JsonDocument.Parse(output);
        IReadOnlyList<NoteEvent> written = NoteMidiFile.ReadNotes(midi);
        written.Should().HaveCount(json.RootElement.GetProperty("noteCount").GetInt32());
        written.Select(n => n.Pitch).Should().Equal(json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("pitch").GetInt32()));
        Directory.GetFiles(dir.Path).Should().ContainSingle("no temporary file is left");
    }

    [Fact]
    public async Task Out_writes_the_format_to_a_file_atomically()
    {
        using var dir = new TempDirectory();
        string csv = dir.File("notes.csv");

        var (code, output, error) = await CliRunner.RunAsync("notes", song.Wav, "--format", "csv", "--out", csv);

        code.Should().Be(ExitCodes.Success);
        output.Should().BeEmpty();
        error.Should().Contain($"wrote {csv}");
        File.ReadAllText(csv).Should().StartWith("start,end,pitch");
        Directory.GetFiles(dir.Path).Should().ContainSingle();
    }

    /// <summary>The extension point: a harmony source's key and chords reach the table and the JSON as given.</summary>
    [Fact]
    public async Task A_harmony_source_adds_key_and_chords_to_table_and_json()
    {
        var source = new FixedHarmony(new NotesHarmony(new NotesKey("C", "major", 0.8125), [new NotesChord(0, 5, "C"), new NotesChord(5, 10, "Am")]));

        (int code, string json) = await RunWith(source, song.Wav, "--format", "json");
        (_, string table) = await RunWith(source, song.Wav);

        code.Should().Be(ExitCodes.Success);
        source.Calls.Should().Be(2);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement key = document.RootElement.GetProperty("key");
        key.GetProperty("label").GetString().Should().Be("C major");
        key.GetProperty("strength").GetDouble().Should().Be(0.8125);
        document.RootElement.GetProperty("chords").EnumerateArray().Select(c => c.GetProperty("label").GetString()).Should().Equal("C", "Am");
        string[] lines = table.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines[1].Should().Be("key: C major (strength 0.81)");
        lines[2].Should().Be("second  onsets  chord    sounding");
        lines[3].Should().StartWith("     0").And.Contain("  C        ");
        lines[3 + 6].Should().StartWith("     6").And.Contain("  Am       ");
    }

    [Fact]
    public async Task A_source_without_chords_leaves_the_chords_out()
    {
        (_, string json) = await RunWith(new FixedHarmony(new NotesHarmony(new NotesKey("A", "minor", 0.5), null)), song.Wav, "--format", "json");

        using JsonDocument document = JsonDocument.Parse(json);
        document.RootElement.TryGetProperty("key", out _).Should().BeTrue();
        document.RootElement.TryGetProperty("chords", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Silence_gives_no_notes()
    {
        using var dir = new TempDirectory();
        string wav = dir.File("silence.wav");
        File.WriteAllBytes(wav, PcmWav.Encode16(new float[22050 * 3], 22050, 1));

        var (code, output, _) = await CliRunner.RunAsync("notes", wav);
        var (_, json, _) = await CliRunner.RunAsync("notes", wav, "--format", "json");

        code.Should().Be(ExitCodes.Success);
        output.Should().Contain(", 0 notes").And.Contain("no notes found").And.NotContain("key:");
        using JsonDocument document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("notes").GetArrayLength().Should().Be(0);
        document.RootElement.TryGetProperty("key", out _).Should().BeFalse("silence has no key");
        document.RootElement.TryGetProperty("chords", out _).Should().BeFalse("silence has no chords");
    }

    /// <summary>Bad input gets what <c>mer analyze</c> gives: the same exit code, one line, no stack trace, no output files.</summary>
    [Theory]
    [InlineData("text")]
    [InlineData("empty")]
    [InlineData("midi")]
    [InlineData("missing")]
    [InlineData("folder")]
    public async Task Bad_input_gets_the_same_exit_code_and_one_line_error_as_analyze(string kind)
    {
        using var dir = new TempDirectory();
        string input = kind switch
        {
            "text" => Write(dir.File("bad.wav"), "this is not audio at all, just text pretending to be a wav file"u8.ToArray()),
            "empty" => Write(dir.File("empty.mp3"), []),
            "midi" => WriteMidi(dir.File("song.mid")),
            "missing" => dir.File("nowhere.mp3"),
            _ => dir.Path,
        };
        string midi = dir.File("out.mid");

        var (notesCode, _, notesError) = await CliRunner.RunAsync("notes", input, "--midi", midi);
        var (analyzeCode, _, analyzeError) = await CliRunner.RunAsync(["analyze", input, .. AnalyzeFixtures.ModelArgs(dir)]);

        notesCode.Should().Be(ExitCodes.InputError, notesError);
        analyzeCode.Should().Be(notesCode, analyzeError);
        notesError.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("mer: error:");
        notesError.Should().NotContain(" at ");
        File.Exists(midi).Should().BeFalse();
    }

    [Fact]
    public async Task Midi_into_a_missing_folder_fails_before_transcribing()
    {
        var (code, _, error) = await CliRunner.RunAsync("notes", song.Wav, "--midi", Path.Combine(song.Folder, "no-such-folder", "x.mid"));

        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("does not exist");
    }

    private static string Write(string path, byte[] content)
    {
        File.WriteAllBytes(path, content);
        return path;
    }

    private static string WriteMidi(string path)
    {
        NoteMidiFile.Save(new NoteTranscription("x", 2, 120, [new NoteEvent(0.5, 1.5, 60, 0.8f, [])]), path);
        return path;
    }

    private static string? ChordLabelAt(JsonElement[] chords, double time) =>
        chords.Where(c => c.GetProperty("start").GetDouble() <= time && time < c.GetProperty("end").GetDouble())
            .Select(c => c.GetProperty("label").GetString()).FirstOrDefault();

    private static async Task<(int Code, string Output)> RunWith(INotesHarmonySource source, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { NotesCommand.Create(output, error, source) };
        int code = await root.Parse(["notes", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString());
    }

    private sealed class FixedHarmony(NotesHarmony harmony) : INotesHarmonySource
    {
        public int Calls { get; private set; }

        public NotesHarmony Describe(NoteTranscription transcription, CancellationToken cancellationToken)
        {
            transcription.Notes.Should().NotBeEmpty("the source sees the transcription");
            Calls++;
            return harmony;
        }
    }
}

/// <summary>The synthesised scale and chords as a 22,050 Hz WAV and, through ffmpeg, an MP3.</summary>
public sealed class NotesSongFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public NotesSongFixture()
    {
        Wav = _directory.File("scale.wav");
        File.WriteAllBytes(Wav, PcmWav.Encode16(SynthesizedMusic.Render(SynthesizedMusic.ScaleAndChords(), 22050, 10), 22050, 1));
        Mp3 = _directory.File("scale.mp3");
        TestSignals.EncodeMp3(Wav, Mp3);
    }

    public string Folder => _directory.Path;

    public string Wav { get; }

    public string Mp3 { get; }

    public void Dispose() => _directory.Dispose();
}
