using MusicEmotion.Audio;
using MusicEmotion.Audio.Decoding;

namespace MusicEmotion.Cli.Tests.Analyze;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_writes_a_decodable_wav_of_the_requested_length()
    {
        using var dir = new TempDirectory();
        string wav = dir.File("demo.wav");

        var (code, output, error) = await CliRunner.RunAsync("demo", "--out", wav, "--seconds", "12");

        code.Should().Be(0, error);
        AudioFileInfo info = AudioLoader.Default.Probe(wav);
        info.Duration!.Value.TotalSeconds.Should().BeApproximately(12, 0.01);
        info.SampleRate.Should().Be(22050);
        info.Channels.Should().Be(1);
        output.Should().Contain("wrote " + wav);
        output.Should().Contain($"mer analyze {wav} --plot {Path.ChangeExtension(wav, ".png")}");
        Directory.GetFiles(dir.Path).Should().ContainSingle();
    }

    [Fact]
    public void Second_half_is_louder_than_the_first()
    {
        float[] samples = Commands.DemoCommand.Synthesize(8);
        int half = samples.Length / 2;
        double Rms(ReadOnlySpan<float> s)
        {
            double sum = 0;
            foreach (float v in s)
            {
                sum += v * v;
            }

            return Math.Sqrt(sum / s.Length);
        }

        double calm = Rms(samples.AsSpan(0, half)), energetic = Rms(samples.AsSpan(half));
        energetic.Should().BeGreaterThan(2 * calm);
        samples.Should().OnlyContain(v => v >= -1 && v <= 1);
    }

    [Fact]
    public async Task Demo_then_analyze_runs_end_to_end()
    {
        using var dir = new TempDirectory();
        string wav = dir.File("demo.wav");
        (await CliRunner.RunAsync("demo", "--out", wav, "--seconds", "6")).ExitCode.Should().Be(0);

        var (code, output, error) = await CliRunner.RunAsync(["analyze", wav, "--format", "csv", .. AnalyzeFixtures.ModelArgs(dir)]);

        code.Should().Be(0, error);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(7);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("601")]
    [InlineData("NaN")]
    public async Task Out_of_range_seconds_is_an_input_error(string seconds)
    {
        using var dir = new TempDirectory();

        var (code, _, error) = await CliRunner.RunAsync("demo", "--out", dir.File("d.wav"), "--seconds", seconds);

        code.Should().Be(ExitCodes.InputError);
        error.Should().StartWith("mer: error: --seconds");
        File.Exists(dir.File("d.wav")).Should().BeFalse();
    }

    [Fact]
    public async Task Out_into_a_missing_folder_is_an_input_error()
    {
        using var dir = new TempDirectory();

        var (code, _, error) = await CliRunner.RunAsync("demo", "--out", dir.File("no/d.wav"));

        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("does not exist");
    }
}
