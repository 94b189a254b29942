using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using MusicEmotion.Evaluation.Csv;
using MusicEmotion.Evaluation.Export;
using MusicEmotion.Features.IO;
using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Evaluation.Tests;

public sealed class DatasetExporterTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private sealed class SyncProgress : IProgress<DatasetExportProgress>
    {
        public ConcurrentBag<DatasetExportProgress> Reports { get; } = [];

        public void Report(DatasetExportProgress value) => Reports.Add(value);
    }

    /// <summary>A 4Q folder: three WAV clips (one stereo 44.1 kHz) and one corrupt file.</summary>
    private string FourQuadrantFolder()
    {
        _folder.Write("4q/Q1/a.wav", TestSignals.Wav16(TestSignals.Tones(1.5, 22050, 1, 220), 22050, 1));
        _folder.Write("4q/Q2/b.wav", TestSignals.Wav16(TestSignals.Tones(2.2, 44100, 2, 330), 44100, 2));
        _folder.Write("4q/Q3/c.wav", TestSignals.Wav16(TestSignals.Tones(0.7, 16000, 1, 150), 16000, 1));
        byte[] garbage = new byte[4000];
        new Random(3).NextBytes(garbage);
        _folder.Write("4q/Q4/broken.mp3", garbage);
        _folder.WriteText("4q/labels.csv",
            "song,quadrant,audio,split,artist,title\n"
            + "a,Q1,Q1/a.wav,train,\"Doe, Jane\",A\n"
            + "b,Q2,Q2/b.wav,val,B,B\n"
            + "c,Q3,Q3/c.wav,train,C,C\n"
            + "broken,Q4,Q4/broken.mp3,train,D,D\n");
        return _folder.File("4q");
    }

    /// <summary>An emoMusic folder: song 2 as a real MP3, song 4 through clips.csv, song 3 without audio.</summary>
    private string EmoMusicFolder()
    {
        string wav = _folder.Write("tmp-src/two.wav", TestSignals.Wav16(TestSignals.Tones(1.8, 44100, 2, 440), 44100, 2));
        Directory.CreateDirectory(_folder.File("emo/audio"));
        TestSignals.EncodeMp3(wav, _folder.File("emo/audio/2.mp3"));
        _folder.Write("emo/clips/four.wav", TestSignals.Wav16(TestSignals.Tones(1.2, 22050, 1, 262), 22050, 1));
        _folder.WriteText("emo/clips.csv", "song_id,audio\n4,clips/four.wav\n");
        _folder.WriteText("emo/annotations/arousal_cont_average.csv",
            "song_id,sample_0ms,sample_500ms,sample_1000ms\n2,0.1,0.2,0.3\n3,0.5,0.5,0.5\n4,-0.25,,-0.75\n");
        _folder.WriteText("emo/annotations/valence_cont_average.csv",
            "song_id,sample_0ms,sample_500ms,sample_1000ms\n2,-0.1,-0.2,\n3,0.5,0.5,0.5\n4,0.125,0.25,0.375\n");
        return _folder.File("emo");
    }

    [Fact]
    public async Task Exports_features_index_labels_and_recipe()
    {
        FeatureRecipe recipe = FeatureRecipe.CreateDefault();
        string output = _folder.File("out");
        var progress = new SyncProgress();

        DatasetExportResult result = await DatasetExporter.ExportAsync(new DatasetExportRequest
        {
            Recipe = recipe,
            OutputFolder = output,
            FourQuadrantFolder = FourQuadrantFolder(),
            DynamicFolder = EmoMusicFolder(),
            Parallelism = 2,
        }, progress);

        // Result: the corrupt clip is skipped and listed.
        result.Exported.Should().Be(5);
        result.Skipped.Should().ContainSingle().Which.Clip.Should().Be("4q/broken");
        result.Skipped[0].Reason.Should().NotBeNullOrWhiteSpace();
        result.IndexPath.Should().Be(Path.Combine(output, "index.csv"));
        progress.Reports.Should().HaveCount(6).And.OnlyContain(p => p.Total == 6);
        progress.Reports.Select(p => p.Done).Should().BeEquivalentTo(Enumerable.Range(1, 6));

        // index.csv: one row per exported clip, in job order.
        CsvTable index = CsvTable.Read(result.IndexPath);
        index.Header.Should().StartWith(["set", "id", "split"]).And.Contain(["quadrant", "arousal_sign", "valence_sign", "frames", "features"]);
        index.Rows.Select(r => r[index.Require("set")] + "/" + r[index.Require("id")]).Should().Equal("4q/a", "4q/b", "4q/c", "dynamic/2", "dynamic/4");
        CsvRow a = index.Rows[0], b = index.Rows[1], c = index.Rows[2], two = index.Rows[3];
        a[index.Require("split")].Should().Be("train");
        a[index.Require("quadrant")].Should().Be("Q1");
        (a[index.Require("arousal_sign")], a[index.Require("valence_sign")]).Should().Be(("1", "1"));
        (b[index.Require("arousal_sign")], b[index.Require("valence_sign")]).Should().Be(("1", "-1"));
        (c[index.Require("arousal_sign")], c[index.Require("valence_sign")]).Should().Be(("-1", "-1"));
        two[index.Require("split")].Should().Be("dynamic");
        two[index.Require("quadrant")].Should().BeEmpty();
        (two[index.Require("arousal_sign")], two[index.Require("valence_sign")]).Should().Be(("0", "0"));
        if (index.IndexOf("artist") >= 0)
        {
            a[index.Require("artist")].Should().Be("Doe, Jane", "a quoted artist survives the index");
        }

        // Each .npy is frames × 85 and equals DatasetExporter.Extract of the same audio.
        string[] audio = [_folder.File("4q/Q1/a.wav"), _folder.File("4q/Q2/b.wav"), _folder.File("4q/Q3/c.wav"), _folder.File("emo/audio/2.mp3"), _folder.File("emo/clips/four.wav")];
        for (int i = 0; i < audio.Length; i++)
        {
            CsvRow row = index.Rows[i];
            string relative = row[index.Require("features")];
            relative.Should().Be($"features/{row[index.Require("set")]}/{row[index.Require("id")]}.npy");
            NpyArray npy = NpyReader.Read(Path.Combine(output, relative));
            Features.FeatureMatrix expected = DatasetExporter.Extract(audio[i], recipe);
            npy.Shape.Should().Equal(expected.Frames, 85);
            int.Parse(row[index.Require("frames")], CultureInfo.InvariantCulture).Should().Be(expected.Frames);
            npy.ToSingleArray().Should().Equal(expected.Data, $"features of {relative}");
        }

        // Frame counts follow the clip durations at 22.05 kHz (1 + samples / 512).
        int.Parse(a[index.Require("frames")], CultureInfo.InvariantCulture).Should().Be(1 + (33075 / 512));
        int.Parse(b[index.Require("frames")], CultureInfo.InvariantCulture).Should().Be(1 + (48510 / 512));
        if (index.IndexOf("samples") >= 0)
        {
            a[index.Require("samples")].Should().Be("33075");
            b[index.Require("samples")].Should().Be("48510");
        }

        File.Exists(Path.Combine(output, "features", "4q", "broken.npy")).Should().BeFalse();

        // dynamic_labels.csv: per-time labels of the exported dynamic clips only (song 3 has no audio).
        File.ReadAllText(Path.Combine(output, "dynamic_labels.csv")).Should().Be(
            "set,id,time,arousal,valence\n"
            + "dynamic,2,0,0.1,-0.1\ndynamic,2,0.5,0.2,-0.2\ndynamic,2,1,0.3,\n"
            + "dynamic,4,0,-0.25,0.125\ndynamic,4,0.5,,0.25\ndynamic,4,1,-0.75,0.375\n");

        // recipe.json: the recipe's features block, with every setting (topDb null = no clipping).
        JsonObject recipeJson = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "recipe.json")))!.AsObject();
        recipeJson["kinds"]!.AsArray().Select(k => k!.GetValue<string>()).Should().Equal("logMel", "descriptors");
        JsonObject settings = recipeJson["settings"]!.AsObject();
        settings["sampleRate"]!.GetValue<int>().Should().Be(22050);
        settings["melBands"]!.GetValue<int>().Should().Be(64);
        settings["fMax"]!.GetValue<double>().Should().Be(8000);
        settings.ContainsKey("topDb").Should().BeTrue("the recipe must say that top_db is disabled, not leave it to the reader's default");
        settings["topDb"].Should().BeNull();

        // No temporary files left anywhere.
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains(".tmp", StringComparison.Ordinal)).Should().BeEmpty();
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Should().BeEquivalentTo("index.csv", "dynamic_labels.csv", "recipe.json",
                "features/4q/a.npy", "features/4q/b.npy", "features/4q/c.npy", "features/dynamic/2.npy", "features/dynamic/4.npy");
    }

    [Fact]
    public async Task Ids_that_clean_up_to_the_same_file_name_get_distinct_feature_files()
    {
        _folder.Write("dup/x.wav", TestSignals.Wav16(TestSignals.Tones(1.0, 22050, 1, 220), 22050, 1));
        _folder.Write("dup/y.wav", TestSignals.Wav16(TestSignals.Tones(2.0, 22050, 1, 440), 22050, 1));
        _folder.WriteText("dup/labels.csv", "song,quadrant,audio,split\na b,Q1,x.wav,train\na_b,Q2,y.wav,train\n");

        DatasetExportResult result = await DatasetExporter.ExportAsync(new DatasetExportRequest
        {
            Recipe = FeatureRecipe.CreateDefault(),
            OutputFolder = _folder.File("dup-out"),
            FourQuadrantFolder = _folder.File("dup"),
        });

        result.Exported.Should().Be(2);
        CsvTable index = CsvTable.Read(result.IndexPath);
        int features = index.Require("features"), frames = index.Require("frames");
        index.Rows.Select(r => r[features]).Should().OnlyHaveUniqueItems();
        foreach (CsvRow row in index.Rows)
        {
            NpyReader.Read(Path.Combine(_folder.File("dup-out"), row[features])).Rows.Should().Be(int.Parse(row[frames], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Named_sets_of_one_layout_export_side_by_side_with_their_groups()
    {
        string fourQ = FourQuadrantFolder();
        _folder.Write("piano/audio/p1.wav", TestSignals.Wav16(TestSignals.Tones(1.2, 22050, 1, 262), 22050, 1));
        _folder.WriteText("piano/labels.csv", "song,quadrant,split,audio,artist\np1,Q3,val,audio/p1.wav,song-7\n");
        _folder.Write("vg/train/audio/vg1.wav", TestSignals.Wav16(TestSignals.Tones(2.5, 22050, 1, 196), 22050, 1));
        _folder.WriteText("vg/train/clips.csv", "song_id,audio,split,game,title,artist\nvg1,audio/vg1.wav,train,Zelda,Theme,Zelda\n");
        _folder.WriteText("vg/train/annotations/arousal_cont_average.csv", "song_id,sample_500ms,sample_1500ms\nvg1,0.25,0.5\n");
        _folder.WriteText("vg/train/annotations/valence_cont_average.csv", "song_id,sample_500ms,sample_1500ms\nvg1,-0.25,\n");

        DatasetExportResult result = await DatasetExporter.ExportAsync(new DatasetExportRequest
        {
            Recipe = FeatureRecipe.CreateDefault(),
            OutputFolder = _folder.File("named-out"),
            FourQuadrantFolder = fourQ,
            Sets = [ExportSet.Parse("piano=" + _folder.File("piano"), ExportSetKind.FourQuadrant), ExportSet.Parse("vgmidi=" + _folder.File("vg/train"), ExportSetKind.Dynamic)],
        });

        result.Exported.Should().Be(5);
        CsvTable index = CsvTable.Read(result.IndexPath);
        int set = index.Require("set"), id = index.Require("id"), artist = index.Require("artist"), split = index.Require("split"), features = index.Require("features");
        index.Rows.Select(r => $"{r[set]}/{r[id]}:{r[split]}:{r[artist]}").Should().Equal(
            "4q/a:train:Doe, Jane", "4q/b:val:B", "4q/c:train:C", "piano/p1:val:song-7", "vgmidi/vg1:dynamic:Zelda");
        index.Rows[3][features].Should().Be("features/piano/p1.npy");
        File.Exists(Path.Combine(_folder.File("named-out"), "features", "vgmidi", "vg1.npy")).Should().BeTrue();
        File.ReadAllText(Path.Combine(_folder.File("named-out"), "dynamic_labels.csv")).Should().Be(
            "set,id,time,arousal,valence\nvgmidi,vg1,0.5,0.25,-0.25\nvgmidi,vg1,1.5,0.5,\n");
    }

    [Fact]
    public async Task Two_sets_with_one_name_are_refused_before_anything_is_written()
    {
        string fourQ = FourQuadrantFolder();
        Func<Task> act = () => DatasetExporter.ExportAsync(new DatasetExportRequest
        {
            Recipe = FeatureRecipe.CreateDefault(),
            OutputFolder = _folder.File("dup-sets"),
            FourQuadrantFolder = fourQ,
            Sets = [new ExportSet("4Q", ExportSetKind.FourQuadrant, fourQ)],
        });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*named '4q'*");
        Directory.Exists(_folder.File("dup-sets")).Should().BeFalse();
    }

    [Theory]
    [InlineData("emopia=training/work/emopia", "emopia", "training/work/emopia")]
    [InlineData("4q@gain=/data/aug", "4q@gain", "/data/aug")]
    [InlineData("../shared/data/4q", "4q", "../shared/data/4q")]
    [InlineData("/data/a=b/c", "4q", "/data/a=b/c")]
    [InlineData("name=", "4q", "name=")]
    public void Set_values_parse_as_name_equals_folder_or_a_plain_folder(string value, string name, string folder)
    {
        ExportSet parsed = ExportSet.Parse(value, ExportSetKind.FourQuadrant);
        (parsed.Name, parsed.Folder).Should().Be((name, folder));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../up")]
    [InlineData("a/b")]
    [InlineData("-lead")]
    [InlineData("with space")]
    public void Unsafe_set_names_are_refused(string name)
    {
        Action act = () => _ = new ExportSet(name, ExportSetKind.Reference, "folder");
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Export_requires_a_dataset_folder()
    {
        Func<Task> act = () => DatasetExporter.ExportAsync(new DatasetExportRequest { Recipe = FeatureRecipe.CreateDefault(), OutputFolder = _folder.File("out") });
        await act.Should().ThrowAsync<ArgumentException>();
        Directory.Exists(_folder.File("out")).Should().BeFalse();
    }

    [Fact]
    public async Task Malformed_dataset_fails_before_writing()
    {
        _folder.WriteText("bad4q/labels.csv", "song,quadrant,audio\na,Q9,a.wav\n");
        Func<Task> act = () => DatasetExporter.ExportAsync(new DatasetExportRequest
        {
            Recipe = FeatureRecipe.CreateDefault(),
            OutputFolder = _folder.File("out"),
            FourQuadrantFolder = _folder.File("bad4q"),
        });

        await act.Should().ThrowAsync<DatasetFormatException>().WithMessage("*line 2: quadrant 'Q9'*");
        Directory.Exists(_folder.File("out")).Should().BeFalse();
    }

    [Fact]
    public void RecipeJson_reads_back_as_the_same_recipe()
    {
        FeatureRecipe recipe = FeatureRecipe.CreateDefault();
        string json = DatasetExporter.RecipeJson(recipe);
        string card = $$"""{"name":"x","window":{"seconds":3},"features":{{json}}}""";

        ModelCard parsed = ModelCard.FromJson(card);

        parsed.Features.Kinds.Should().Equal(recipe.Kinds);
        parsed.Features.Settings.Should().Be(recipe.Settings);
    }
}
