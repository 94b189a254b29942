using System.Text.Json;

namespace MusicEmotion.Cli.Tests.Commands;

public sealed class AnalyzeCommandTests
{
    [Fact]
    public async Task Json_has_the_documented_shape_with_one_value_per_started_second()
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 5.5);

        var (code, output, error) = await CliRunner.RunAsync(["analyze", wav, "--format", "json", "--length", "20", .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        root.GetProperty("file").GetString().Should().Be(wav);
        double duration = root.GetProperty("durationSeconds").GetDouble();
        duration.Should().BeApproximately(5.5, 0.01);
        root.GetProperty("secondsPerValue").GetDouble().Should().Be(1);
        root.GetProperty("model").GetString().Should().Be("mean-test");
        int seconds = (int)Math.Ceiling(duration);
        root.GetProperty("arousal").GetArrayLength().Should().Be(seconds);
        root.GetProperty("valence").GetArrayLength().Should().Be(seconds);
        root.GetProperty("arousal").EnumerateArray().Should().OnlyContain(v => v.GetDouble() >= -1 && v.GetDouble() <= 1);

        JsonElement summary = root.GetProperty("summary");
        summary.GetProperty("seconds").GetInt32().Should().Be(seconds);
        summary.GetProperty("arousal").GetProperty("mean").ValueKind.Should().Be(JsonValueKind.Number);
        summary.GetProperty("valence").GetProperty("trendPerMinute").ValueKind.Should().Be(JsonValueKind.Number);
        summary.GetProperty("quadrantShares").EnumerateObject().Select(p => p.Name).Should().Equal("Q1", "Q2", "Q3", "Q4");
        summary.GetProperty("dominantQuadrant").GetString().Should().MatchRegex("^Q[1-4]$");
        summary.GetProperty("strongestMoments").GetArrayLength().Should().BeGreaterThan(0);
        root.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();

        JsonElement vector = root.GetProperty("vector");
        vector.GetProperty("length").GetInt32().Should().Be(20);
        vector.GetProperty("arousal").GetArrayLength().Should().Be(20);
        vector.GetProperty("valence").GetArrayLength().Should().Be(20);
    }

    [Fact]
    public async Task Json_numbers_are_rounded_to_four_decimals()
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 3);

        var (code, output, error) = await CliRunner.RunAsync(["analyze", wav, "--format", "json", .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        IEnumerable<double> numbers = json.RootElement.GetProperty("arousal").EnumerateArray()
            .Concat(json.RootElement.GetProperty("summary").GetProperty("arousal").EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).Select(p => p.Value))
            .Select(v => v.GetDouble());
        numbers.Should().OnlyContain(v => Math.Abs((v * 10_000) - Math.Round(v * 10_000)) < 1e-6);
    }

    [Fact]
    public async Task No_description_writes_null()
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 2);

        var (code, output, error) = await CliRunner.RunAsync(["analyze", wav, "--format", "json", "--no-description", .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("description").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Csv_has_a_header_and_one_invariant_row_per_second()
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 4.2);

        var (code, output, error) = await CliRunner.RunAsync(["analyze", wav, "--format", "csv", .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(0, error);
        string[] lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines[0].Should().Be("second,arousal,valence,music");
        lines.Should().HaveCount(1 + 5);
        for (int i = 1; i < lines.Length; i++)
        {
            string[] cells = lines[i].Split(',');
            cells.Should().HaveCount(4);
            cells[0].Should().Be((i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            cells[3].Should().Be("1", "the test piece is music");
            double.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(-1, 1);
            double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(-1, 1);
        }
    }

    [Fact]
    public async Task Csv_is_the_librarys_timeline_csv_which_the_service_serves_too()
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 4.2);
        string[] model = AnalyzeFixtures.ModelArgs(dir);

        var (code, output, error) = await CliRunner.RunAsync(["analyze", wav, "--format", "csv", .. model]);
        using Inference.EmotionAnalyzer analyzer = Inference.EmotionAnalyzer.CreateDefault(new Inference.EmotionAnalyzerOptions { ModelPath = model[1], ModelCardPath = model[3] });
        Inference.EmotionAnalysis analysis = await analyzer.AnalyzeAsync(wav);

        code.Should().Be(0, error);
        output.Should().Be(analysis.Timeline.ToCsv());
    }

    [Fact]
    public async Task Table_is_the_default_and_shows_the_key_fields()
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 3);

        var (code, output, error) = await CliRunner.RunAsync(["analyze", wav, .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(0, error);
        output.Should().Contain("file").And.Contain(wav);
        output.Should().Contain("duration").And.Contain("00:03");
        output.Should().Contain("model").And.Contain("mean-test");
        output.Should().Contain("mean").And.Contain("std").And.Contain("min").And.Contain("max").And.Contain("trend");
        output.Should().Contain("arousal").And.Contain("valence");
        output.Should().Contain("quadrants").And.Contain("Q1").And.Contain("Q4");
        output.Should().Contain("dominant");
        output.Should().Contain("strongest moments");
        output.Should().Contain("description");
    }

    [Fact]
    public async Task Out_writes_the_format_to_a_file()
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 2);
        string csv = dir.File("song.csv");

        var (code, output, error) = await CliRunner.RunAsync(["analyze", wav, "--format", "csv", "--out", csv, .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(0, error);
        output.Should().BeEmpty();
        File.ReadAllLines(csv).Should().HaveCount(3);
        Directory.GetFiles(dir.Path, "*.tmp-*").Should().BeEmpty();
    }

    [Fact]
    public async Task Plot_writes_a_1200_by_900_png()
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 6);
        string png = dir.File("song.png");

        var (code, _, error) = await CliRunner.RunAsync(["analyze", wav, "--plot", png, .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(0, error);
        byte[] bytes = File.ReadAllBytes(png);
        bytes.Take(8).Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)).Should().Be(1200);
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)).Should().Be(900);
        bytes.Length.Should().BeGreaterThan(20_000, "a drawn figure, not a blank image");
        error.Should().Contain("wrote " + png);
        Directory.GetFiles(dir.Path, "*.tmp-*").Should().BeEmpty();
    }

    [Fact]
    public async Task Missing_file_is_a_one_line_input_error()
    {
        using var dir = new TempDirectory();
        string png = dir.File("out.png");

        var (code, output, error) = await CliRunner.RunAsync(["analyze", dir.File("nope.mp3"), "--plot", png, .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(ExitCodes.InputError);
        output.Should().BeEmpty();
        error.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("mer: error:").And.Contain("nope.mp3");
        File.Exists(png).Should().BeFalse();
    }

    [Fact]
    public async Task Corrupt_audio_is_a_one_line_input_error_without_output_files()
    {
        using var dir = new TempDirectory();
        string bad = dir.File("bad.wav");
        File.WriteAllText(bad, "this is not audio at all, just text pretending to be a wav file");
        string png = dir.File("bad.png");
        string json = dir.File("bad.json");

        var (code, _, error) = await CliRunner.RunAsync(["analyze", bad, "--format", "json", "--out", json, "--plot", png, .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(ExitCodes.InputError);
        error.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("mer: error:");
        error.Should().NotContain(" at ");
        File.Exists(png).Should().BeFalse();
        File.Exists(json).Should().BeFalse();
        Directory.GetFiles(dir.Path, "*.tmp-*").Should().BeEmpty();
    }

    [Theory]
    [InlineData("audio")]
    [InlineData("notes")]
    public async Task A_shipped_model_takes_no_card(string model)
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 1);

        var (code, _, error) = await CliRunner.RunAsync(["analyze", wav, "--model", model, "--card", dir.File("x.json")]);

        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("--card describes your own --model file");
    }

    [Theory]
    [InlineData("--model")]
    [InlineData("--card")]
    public async Task Model_without_card_is_an_input_error(string option)
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 1);

        var (code, _, error) = await CliRunner.RunAsync(["analyze", wav, option, dir.File("x")]);

        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("--model and --card go together");
    }

    [Fact]
    public async Task Bad_model_file_is_an_input_error()
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 1);
        string[] args = AnalyzeFixtures.ModelArgs(dir);
        string bogus = dir.File("bogus.onnx");
        File.WriteAllText(bogus, "not onnx");

        var (code, _, error) = await CliRunner.RunAsync(["analyze", wav, "--model", bogus, "--card", args[3]]);

        code.Should().Be(ExitCodes.InputError);
        error.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("mer: error:");
    }

    [Fact]
    public async Task Unknown_format_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 1);

        var (code, _, _) = await CliRunner.RunAsync(["analyze", wav, "--format", "xml"]);

        code.Should().Be(ExitCodes.UsageError);
    }

    [Fact]
    public async Task Plot_into_a_missing_folder_fails_before_analysing()
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 1);

        var (code, _, error) = await CliRunner.RunAsync(["analyze", wav, "--plot", dir.File("no/such/out.png"), .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("does not exist");
    }

    [Fact]
    public async Task Bad_length_is_an_input_error()
    {
        using var dir = new TempDirectory();
        string wav = TestWav.Song(dir.File("song.wav"), 22050, 1);

        var (code, _, error) = await CliRunner.RunAsync(["analyze", wav, "--length", "0", .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("VectorLength");
    }

    [RequiresShippedModelFact]
    public async Task Shipped_model_analyses_the_demo_song()
    {
        using var dir = new TempDirectory();
        string wav = dir.File("demo.wav");
        (await CliRunner.RunAsync(["demo", "--out", wav, "--seconds", "20"])).ExitCode.Should().Be(0);

        var (code, output, error) = await CliRunner.RunAsync(["analyze", wav, "--format", "json"]);

        code.Should().Be(0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("arousal").GetArrayLength().Should().Be(20);
        json.RootElement.GetProperty("model").GetString().Should().NotBeNullOrWhiteSpace();
        json.RootElement.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();
    }
}
