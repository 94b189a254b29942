using System.Text.Json;
using System.Text.Json.Nodes;

namespace MusicEmotion.Cli.Tests.Commands;

/// <summary>
/// <c>mer analyze --notes</c> on real files: the synthesised scale and chords in C major (<see cref="NotesSongFixture"/>)
/// and silence. The option only adds the tempo and both keys; everything else is what <c>mer analyze</c> writes without it.
/// </summary>
public sealed class AnalyzeNotesTests(NotesSongFixture song) : IClassFixture<NotesSongFixture>
{
    [Fact]
    public async Task Json_adds_the_key_from_notes_beside_the_tempo_and_chroma_key_and_nothing_else_changes()
    {
        using var dir = new TempDirectory();
        string[] model = AnalyzeFixtures.ModelArgs(dir);

        var (code, withNotes, error) = await CliRunner.RunAsync(["analyze", song.Wav, "--format", "json", "--notes", .. model]);
        var (_, without, _) = await CliRunner.RunAsync(["analyze", song.Wav, "--format", "json", .. model]);

        code.Should().Be(ExitCodes.Success, error);
        JsonObject document = JsonNode.Parse(withNotes)!.AsObject();
        JsonObject added = document["tempoAndKey"]!.AsObject();
        JsonObject notesKey = added["notesKey"]!.AsObject();
        notesKey["label"]!.GetValue<string>().Should().Be("C major", "a scale and I–IV–V7–vi in C");
        notesKey["tonic"]!.GetValue<string>().Should().Be("C");
        notesKey["mode"]!.GetValue<string>().Should().Be("major");
        notesKey["strength"]!.GetValue<double>().Should().BeInRange(0.6, 1);
        JsonObject chromaKey = added["chromaKey"]!.AsObject();
        chromaKey["mode"]!.GetValue<string>().Should().BeOneOf("major", "minor");
        chromaKey["strength"]!.GetValue<double>().Should().BeInRange(0, 1);
        added.ContainsKey("tempoBpm").Should().BeTrue();

        document.Remove("tempoAndKey");
        document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Should().Be(JsonNode.Parse(without)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }),
            "--notes adds one member and changes nothing else");
        without.Should().NotContain("tempoAndKey", "without --notes nothing is transcribed");
    }

    [Fact]
    public async Task Table_shows_tempo_and_both_keys_before_the_description()
    {
        using var dir = new TempDirectory();
        string[] model = AnalyzeFixtures.ModelArgs(dir);

        var (code, table, error) = await CliRunner.RunAsync(["analyze", song.Wav, "--notes", .. model]);
        var (_, plain, _) = await CliRunner.RunAsync(["analyze", song.Wav, .. model]);

        code.Should().Be(ExitCodes.Success, error);
        string[] lines = table.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines.Should().Contain(l => l.StartsWith("tempo             ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("key (chroma)      ", StringComparison.Ordinal) && l.Contains("(strength 0.", StringComparison.Ordinal));
        lines.Should().ContainMatch("key (notes)       C major (strength 0.*)");
        int keyLine = Array.FindIndex(lines, l => l.StartsWith("key (notes)", StringComparison.Ordinal));
        Array.FindIndex(lines, l => l.StartsWith("description", StringComparison.Ordinal)).Should().BeGreaterThan(keyLine);
        string[] plainLines = plain.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        plainLines.Should().NotContain(l => l.StartsWith("key (", StringComparison.Ordinal) || l.StartsWith("tempo ", StringComparison.Ordinal));
        int tempoLine = Array.FindIndex(lines, l => l.StartsWith("tempo ", StringComparison.Ordinal));
        lines[tempoLine - 1].Should().BeEmpty("the block stands apart");
        lines.Where((_, i) => i < tempoLine - 1 || i > tempoLine + 2).Should().Equal(plainLines, "--notes adds the block and changes nothing else");
    }

    [RequiresShippedModelFact]
    public async Task The_note_aware_model_gives_the_key_of_its_own_transcription_the_same_as_a_separate_one()
    {
        // The default model transcribes the notes for its features and --notes reads the key from that transcription;
        // the audio-only model reads no notes, so --notes transcribes the file on its own. Same samples, same notes, same key.
        var (code, own, error) = await CliRunner.RunAsync(["analyze", song.Wav, "--format", "json", "--notes", "--model", "notes"]);
        var (audioCode, separate, audioError) = await CliRunner.RunAsync(["analyze", song.Wav, "--format", "json", "--notes", "--model", "audio"]);

        code.Should().Be(ExitCodes.Success, error);
        audioCode.Should().Be(ExitCodes.Success, audioError);
        JsonNode ownKey = JsonNode.Parse(own)!["tempoAndKey"]!["notesKey"]!;
        JsonNode separateKey = JsonNode.Parse(separate)!["tempoAndKey"]!["notesKey"]!;
        ownKey["label"]!.GetValue<string>().Should().Be("C major");
        ownKey.ToJsonString().Should().Be(separateKey.ToJsonString(), "both keys come from the same notes");
        JsonNode.Parse(own)!["model"]!.ToJsonString().Should().NotBe(JsonNode.Parse(separate)!["model"]!.ToJsonString(), "two different models ran");
    }

    [Fact]
    public async Task Silence_has_no_key_from_notes()
    {
        using var dir = new TempDirectory();
        string wav = dir.File("silence.wav");
        File.WriteAllBytes(wav, PcmWav.Encode16(new float[22050 * 3], 22050, 1));

        var (code, output, error) = await CliRunner.RunAsync(["analyze", wav, "--format", "json", "--notes", .. AnalyzeFixtures.ModelArgs(dir)]);
        var (_, table, _) = await CliRunner.RunAsync(["analyze", wav, "--notes", .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(ExitCodes.Success, error);
        using JsonDocument json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("tempoAndKey").GetProperty("notesKey").ValueKind.Should().Be(JsonValueKind.Null, "silence has no notes, so no key");
        table.Should().Contain("key (notes)       not found");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("spotify")]
    public async Task Notes_with_a_format_it_does_not_add_to_is_refused(string format)
    {
        using var dir = new TempDirectory();

        var (code, output, error) = await CliRunner.RunAsync(["analyze", song.Wav, "--format", format, "--notes", .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(ExitCodes.InputError);
        output.Should().BeEmpty();
        error.Should().StartWith("mer: error:").And.Contain("--notes");
    }

    [Fact]
    public async Task Notes_on_a_folder_is_refused_before_anything_is_written()
    {
        using var dir = new TempDirectory();
        string jsonl = dir.File("out.jsonl");

        var (code, _, error) = await CliRunner.RunAsync(["analyze", song.Folder, "--out", jsonl, "--notes", .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("--notes applies to a single file");
        File.Exists(jsonl).Should().BeFalse();
    }
}
