using System.Text.Json;

namespace MusicEmotion.Cli.Tests.Commands;

public sealed class EvalDynamicsCommandTests
{
    /// <summary>The test piece (it reads as music) at a gain: the mean-level test model hears a loud one as more aroused.</summary>
    private static void Piece(string path, double seconds, double gain)
    {
        const int rate = 22050;
        float[] samples = TestSignals.Mono(seconds, rate);
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(gain * samples[i]);
        }

        File.WriteAllBytes(path, PcmWav.Encode16(samples, rate, 1));
    }

    private static string Folder(TempDirectory dir)
    {
        Piece(dir.File("loud.wav"), 18, 1.0);
        Piece(dir.File("quiet.wav"), 18, 0.02);
        File.WriteAllText(dir.File("labels.csv"), "song,quadrant,split,audio\nloud,Q1,val,loud.wav\nquiet,Q3,val,quiet.wav\nother,Q2,train,loud.wav\n");
        return dir.Path;
    }

    [Fact]
    public async Task Reports_direction_contrast_and_rise_time_and_writes_json()
    {
        using var dir = new TempDirectory();
        string folder = Folder(dir);
        string json = dir.File("dynamics.json");

        var (code, output, error) = await CliRunner.RunAsync(["eval", "dynamics", "--4q", folder, "--split", "val", "--smoothing", "none", "--json", json, .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(0, error);
        output.Should().Contain("joins (val): 2").And.Contain("direction right").And.Contain("median rise time").And.Contain("contrast retained");
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(json));
        report.RootElement.GetProperty("joins").GetInt32().Should().Be(2);
        report.RootElement.GetProperty("smoothing").GetString().Should().Be("none");
        report.RootElement.GetProperty("output").GetProperty("directionRight").GetDouble().Should().Be(1.0);
        report.RootElement.GetProperty("results").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Bad_smoothing_is_an_input_error_before_any_work()
    {
        using var dir = new TempDirectory();

        var (code, _, error) = await CliRunner.RunAsync(["eval", "dynamics", "--4q", Folder(dir), "--smoothing", "lots", .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("--smoothing").And.Contain("none, card, a half-window");
    }

    [Fact]
    public async Task A_missing_folder_is_an_input_error_and_the_folder_option_is_required()
    {
        using var dir = new TempDirectory();

        var (code, _, error) = await CliRunner.RunAsync(["eval", "dynamics", "--4q", dir.File("nowhere"), .. AnalyzeFixtures.ModelArgs(dir)]);
        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("not found");

        (await CliRunner.RunAsync(["eval", "dynamics"])).ExitCode.Should().Be(ExitCodes.UsageError);
    }

    [Fact]
    public async Task Analyze_takes_a_smoothing_half_window_and_rejects_nonsense()
    {
        using var dir = new TempDirectory();
        Piece(dir.File("a.wav"), 6, 1.0);
        Piece(dir.File("b.wav"), 6, 0.02);
        string joined = dir.File("steps.wav");
        float[] both = [.. PcmWavSamples(dir.File("b.wav")), .. PcmWavSamples(dir.File("a.wav"))];
        File.WriteAllBytes(joined, PcmWav.Encode16(both, 22050, 1));

        var none = await CliRunner.RunAsync(["analyze", joined, "--format", "csv", "--smoothing", "none", .. AnalyzeFixtures.ModelArgs(dir)]);
        var smoothed = await CliRunner.RunAsync(["analyze", joined, "--format", "csv", "--smoothing", "3", .. AnalyzeFixtures.ModelArgs(dir)]);
        var bad = await CliRunner.RunAsync(["analyze", joined, "--smoothing", "-2", .. AnalyzeFixtures.ModelArgs(dir)]);

        none.ExitCode.Should().Be(0, none.Error);
        smoothed.ExitCode.Should().Be(0, smoothed.Error);
        smoothed.Output.Split('\n').Length.Should().Be(none.Output.Split('\n').Length);
        smoothed.Output.Should().NotBe(none.Output, "a 7-second moving average blurs the step");
        bad.ExitCode.Should().Be(ExitCodes.InputError);
        bad.Error.Should().Contain("--smoothing");

        static float[] PcmWavSamples(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            var samples = new float[(bytes.Length - 44) / 2];
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = BitConverter.ToInt16(bytes, 44 + (2 * i)) / 32768f;
            }

            return samples;
        }
    }
}
