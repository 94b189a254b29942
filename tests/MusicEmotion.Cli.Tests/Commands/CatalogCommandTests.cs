using System.Text.Json;

namespace MusicEmotion.Cli.Tests.Commands;

public sealed class CatalogCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string[] Model => AnalyzeFixtures.ModelArgs(_dir);

    private string Songs(int count)
    {
        string songs = Directory.CreateDirectory(_dir.File("songs")).FullName;
        for (int i = 0; i < count; i++)
        {
            TestWav.Song(Path.Combine(songs, $"song{i}.wav"), 22050, 4 + i, seed: (int)(200 + (90 * i)));
        }

        return songs;
    }

    [Fact]
    public async Task Add_lists_bad_files_at_the_end_and_a_second_run_skips_what_is_there()
    {
        string songs = Songs(3);
        string corrupt = Path.Combine(songs, "corrupt.mp3");
        File.WriteAllBytes(corrupt, Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        string db = _dir.File("catalog.db");

        var (code, output, error) = await CliRunner.RunAsync(["catalog", "add", songs, "--db", db, "--jobs", "2", .. Model]);
        var (again, output2, _) = await CliRunner.RunAsync(["catalog", "add", songs, Path.Combine(songs, "song0.wav"), "--db", db, .. Model]);

        code.Should().Be(0, error);
        output.Should().MatchRegex(@"added 3, already in the catalog 0, failed 1 in [0-9.]+ s .*holds 3 tracks");
        error.Should().Contain("catalogued 4/4 (1 failed)").And.Contain("mer: failed: " + corrupt);
        again.Should().Be(0);
        output2.Should().MatchRegex("added 0, already in the catalog 3, failed 1 .*holds 3 tracks");
    }

    [Fact]
    public async Task Statistics_writes_a_reference_file_the_recommender_can_read()
    {
        string songs = Songs(3);
        string db = _dir.File("catalog.db"), reference = _dir.File("reference.json");
        (await CliRunner.RunAsync(["catalog", "add", songs, "--db", db, .. Model])).ExitCode.Should().Be(0);

        var (code, output, error) = await CliRunner.RunAsync(["catalog", "statistics", "--db", db, "--out", reference, "--sources", "three sines"]);

        code.Should().Be(0, error);
        output.Should().Contain("statistics of 3 tracks of mean-test");
        await using FileStream file = File.OpenRead(reference);
        Recommend.Vectors.CatalogStatistics statistics = Recommend.Vectors.ReferenceStatistics.Read(file);
        statistics.TrackCount.Should().Be(3);
        statistics.ArcLength.Should().Be(32);
        statistics.Descriptors.Length.Should().Be(55);
        (await CliRunner.RunAsync(["catalog", "statistics", "--db", _dir.File("missing.db")])).ExitCode.Should().Be(2);
    }

    [Fact]
    public async Task List_export_and_remove_work_on_the_catalog()
    {
        string songs = Songs(3);
        string db = _dir.File("catalog.db");
        (await CliRunner.RunAsync(["catalog", "add", songs, "--db", db, .. Model])).ExitCode.Should().Be(0);

        var (listCode, table, _) = await CliRunner.RunAsync(["catalog", "list", "--db", db, "--limit", "2"]);
        var (_, json, _) = await CliRunner.RunAsync(["catalog", "list", "--db", db, "--format", "json"]);
        listCode.Should().Be(0);
        new[] { "song0.wav", "song1.wav", "song2.wav" }.Count(table.Contains).Should().Be(2, "a page of 2 (files are added in parallel, so in any order)");
        table.Should().Contain("tracks 1–2 of 3 (next: --offset 2)").And.Contain("mean-test");
        using (JsonDocument page = JsonDocument.Parse(json))
        {
            page.RootElement.GetProperty("total").GetInt32().Should().Be(3);
            JsonElement track = page.RootElement.GetProperty("tracks")[0];
            track.GetProperty("id").GetString().Should().HaveLength(64);
            track.GetProperty("descriptors").GetProperty("tempo_bpm").ValueKind.Should().Be(JsonValueKind.Number);
            track.GetProperty("emotionArc").GetProperty("arousal").GetArrayLength().Should().Be(32);
        }

        string jsonl = _dir.File("export.jsonl"), curves = _dir.File("curves.csv"), vectors = _dir.File("vectors.csv");
        (await CliRunner.RunAsync(["catalog", "export", "--db", db, "--out", jsonl])).Output.Should().Contain("exported 3 tracks");
        (await CliRunner.RunAsync(["catalog", "export", "--db", db, "--out", curves, "--format", "csv"])).ExitCode.Should().Be(0);
        (await CliRunner.RunAsync(["catalog", "export", "--db", db, "--out", vectors, "--format", "csv", "--content", "vectors"])).ExitCode.Should().Be(0);
        File.ReadAllLines(jsonl).Should().HaveCount(3).And.OnlyContain(l => JsonDocument.Parse(l, default).RootElement.GetProperty("arousal").GetArrayLength() >= 4);
        string[] curveLines = File.ReadAllLines(curves);
        curveLines[0].Should().Be("id,second,arousal,valence,music");
        curveLines.Should().HaveCount(1 + 4 + 5 + 6, "one row per second of each track");
        string[] vectorLines = File.ReadAllLines(vectors);
        vectorLines.Should().HaveCount(4);
        vectorLines[0].Split(',').Should().HaveCount(6 + 55 + 12 + 64 + 20).And.Contain("mfcc1_mean").And.Contain("arc_valence_31").And.EndWith("melody.glissando_std");
        vectorLines.Skip(1).Select(l => l.Split(',').TakeLast(21).ToArray()).Should().OnlyContain(cells => cells[0].Length > 0 && cells.Skip(1).All(cell => cell.Length == 0),
            "the test model's tracks have no melody block: its 20 cells are empty, the arc's last one is not");
        Directory.GetFiles(_dir.Path, "*.tmp-*").Should().BeEmpty();

        string id = curveLines[1].Split(',')[0];
        var (removeCode, removed, _) = await CliRunner.RunAsync(["catalog", "remove", id, Path.Combine(songs, "song2.wav"), "--db", db]);
        removeCode.Should().Be(0);
        removed.Should().Contain("removed 2, not found 0").And.Contain("holds 1 tracks");
        var (missingCode, _, missingError) = await CliRunner.RunAsync(["catalog", "remove", id, "--db", db]);
        missingCode.Should().Be(2);
        missingError.Should().Contain("not in the catalog");
    }

    [RequiresShippedModelFact]
    public async Task The_vectors_csv_has_the_melody_block_of_the_tracks_that_have_one_the_same_as_the_json_export()
    {
        string songs = Songs(2);
        string more = Directory.CreateDirectory(_dir.File("more")).FullName;
        TestWav.Song(Path.Combine(more, "with melody.wav"), 22050, 5, seed: 640);
        string db = _dir.File("catalog.db"), jsonl = _dir.File("export.jsonl"), vectors = _dir.File("vectors.csv");
        (await CliRunner.RunAsync(["catalog", "add", songs, "--db", db, .. Model])).ExitCode.Should().Be(0);
        var (added, _, addError) = await CliRunner.RunAsync(["catalog", "add", more, "--db", db, "--model", "notes"]); // the note-aware model: a melody block
        added.Should().Be(0, addError);

        (await CliRunner.RunAsync(["catalog", "export", "--db", db, "--out", jsonl])).ExitCode.Should().Be(0);
        (await CliRunner.RunAsync(["catalog", "export", "--db", db, "--out", vectors, "--format", "csv", "--content", "vectors"])).ExitCode.Should().Be(0);

        string[] header = File.ReadAllLines(vectors)[0].Split(',');
        Dictionary<string, string[]> rows = File.ReadAllLines(vectors).Skip(1).Select(l => l.Split(',')).ToDictionary(cells => cells[0]);
        rows.Should().HaveCount(3);
        header.Should().HaveCount(6 + 55 + 12 + 64 + 20);
        int first = Array.IndexOf(header, "melody.pitch_mean");
        header[first..].Should().Equal(Recommend.Vectors.TrackVectorBlocks.MelodyNames);
        int withMelody = 0;
        foreach (string line in File.ReadAllLines(jsonl))
        {
            using JsonDocument track = JsonDocument.Parse(line);
            string[] cells = rows[track.RootElement.GetProperty("id").GetString()!];
            cells.Should().HaveCount(header.Length);
            if (track.RootElement.TryGetProperty("melody", out JsonElement melody))
            {
                withMelody++;
                cells[2].Should().Be(track.RootElement.GetProperty("model").GetString());
                for (int i = first; i < header.Length; i++) // JSON rounds to 4 decimals, the CSV to 6
                {
                    double.Parse(cells[i], System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(melody.GetProperty(header[i]).GetDouble(), 6e-5, header[i]);
                }
            }
            else
            {
                cells[first..].Should().OnlyContain(cell => cell.Length == 0, "a track without the block has empty melody cells");
            }
        }

        withMelody.Should().Be(1, "only the note-aware model's track has the block");
    }

    [Fact]
    public async Task Recommend_analyses_a_new_liked_file_and_explains_each_result()
    {
        string songs = Songs(5);
        string db = _dir.File("catalog.db");
        (await CliRunner.RunAsync(["catalog", "add", songs, "--db", db, .. Model])).ExitCode.Should().Be(0);
        string newSong = TestWav.Song(_dir.File("new.wav"), 22050, 6, seed: 330);

        var (code, output, error) = await CliRunner.RunAsync(["recommend", "--db", db, "--like", newSong, "--k", "3", .. Model]);
        var (jsonCode, json, _) = await CliRunner.RunAsync(["recommend", "--db", db, "--like", newSong, "--dislike", Path.Combine(songs, "song4.wav"), "--k", "2", "--format", "json", .. Model]);

        code.Should().Be(0, error);
        error.Should().Contain("analysed " + newSong + " and added it to the catalog");
        output.Should().Contain("3 recommendations (sound and emotion, exact search over 6 tracks)").And.Contain("song");
        jsonCode.Should().Be(0);
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement items = doc.RootElement.GetProperty("items");
        items.GetArrayLength().Should().Be(2);
        items.EnumerateArray().Select(i => i.GetProperty("source").GetString()).Should().NotContain(s => s!.EndsWith("song4.wav") || s.EndsWith("new.wav"));
        items[0].GetProperty("explanation").GetString().Should().NotBeNullOrWhiteSpace();
        items[0].GetProperty("blocks").GetProperty("descriptors").GetProperty("weight").GetDouble().Should().BeApproximately(0.6, 1e-9);
    }

    [Fact]
    public async Task Bad_input_gets_one_line_errors_and_no_catalog_file()
    {
        string db = _dir.File("catalog.db");
        var (code, _, error) = await CliRunner.RunAsync(["catalog", "add", _dir.File("nothing-here"), "--db", db, .. Model]);
        code.Should().Be(2);
        error.Should().Contain("no such file or folder");

        var (listCode, _, listError) = await CliRunner.RunAsync(["catalog", "list", "--db", db]);
        listCode.Should().Be(2);
        listError.Should().Contain("no such catalog");

        string notACatalog = _dir.Write("text.db", "plain text, not SQLite, long enough to have a header"u8.ToArray());
        var (badCode, _, badError) = await CliRunner.RunAsync(["catalog", "list", "--db", notACatalog]);
        badCode.Should().Be(2);
        badError.Should().StartWith("mer: error:").And.Contain("not a SQLite database");

        string songs = Songs(2);
        (await CliRunner.RunAsync(["catalog", "add", songs, "--db", db, .. Model])).ExitCode.Should().Be(0);
        var (recCode, _, recError) = await CliRunner.RunAsync(["recommend", "--db", db, "--like", "0123", .. Model]);
        recCode.Should().Be(2);
        recError.Should().Contain("neither an audio file nor a track id");
        var (unknownCode, _, unknownError) = await CliRunner.RunAsync(["recommend", "--db", db, "--like", new string('a', 64), .. Model]);
        unknownCode.Should().Be(2);
        unknownError.Should().Contain("not in the catalog");
        File.Exists(db).Should().BeTrue();
    }
}
