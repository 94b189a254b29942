using System.Diagnostics;
using MusicEmotion.Features;
using MusicEmotion.Features.IO;

namespace MusicEmotion.Cli.Tests.Commands;

public sealed class FeaturesCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("logmel", 128)]
    [InlineData("mfcc", 20)]
    [InlineData("descriptors", 21)]
    public async Task Writes_a_frames_by_features_npy(string kind, int width)
    {
        // 2 s of 44.1 kHz stereo: decoded, mixed down and resampled to the default 22050 Hz.
        string wav = TestWav.Song(_dir.File("tone.wav"), 44100, 2.0, channels: 2);
        string npy = _dir.File($"{kind}.npy");

        var (code, output, error) = await CliRunner.RunAsync("features", wav, "--kind", kind, "--out", npy);

        code.Should().Be(ExitCodes.Success, error);
        NpyArray array = NpyReader.Read(npy);
        int expectedFrames = 1 + 44100 / 512; // centred frames at hop 512 over 44100 resampled samples
        array.Shape.Should().Equal(expectedFrames, width);
        output.Should().Contain($"{expectedFrames} frames x {width}");
    }

    [Fact]
    public async Task Settings_file_fully_determines_the_output()
    {
        string wav = TestWav.Song(_dir.File("tone.wav"), 16000, 1.0);
        var settings = new FeatureSettings { SampleRate = 16000, FftSize = 512, HopLength = 160, MelBands = 40, FMax = 8000 };
        string json = _dir.File("settings.json");
        File.WriteAllText(json, settings.ToJson());
        string npy = _dir.File("out.npy");

        var (code, _, error) = await CliRunner.RunAsync("features", wav, "--kind", "logmel", "--settings", json, "--out", npy);

        code.Should().Be(ExitCodes.Success, error);
        NpyReader.Read(npy).Shape.Should().Equal(1 + 16000 / 160, 40);
    }

    [Fact]
    public async Task Invalid_settings_are_a_one_line_error_and_nothing_is_written()
    {
        string wav = TestWav.Song(_dir.File("tone.wav"), 22050, 1.0);
        string json = _dir.File("bad.json");
        File.WriteAllText(json, "{\"hopLength\": 0}");
        string npy = _dir.File("out.npy");

        var (code, _, error) = await CliRunner.RunAsync("features", wav, "--kind", "mfcc", "--settings", json, "--out", npy);

        code.Should().Be(ExitCodes.InputError);
        error.Trim().Should().StartWith("mer: error: ").And.Contain("bad.json");
        File.Exists(npy).Should().BeFalse();
    }

    [Fact]
    public async Task Corrupt_audio_leaves_no_output_file()
    {
        string bad = _dir.File("bad.mp3");
        File.WriteAllBytes(bad, [(byte)'I', (byte)'D', (byte)'3', 4, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        string npy = _dir.File("out.npy");

        var (code, _, error) = await CliRunner.RunAsync("features", bad, "--kind", "logmel", "--out", npy);

        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("bad.mp3");
        Directory.GetFiles(_dir.Path).Should().BeEquivalentTo([bad], "no partial or temporary file is left behind");
    }

    [Fact]
    public async Task Output_folder_must_exist()
    {
        string wav = TestWav.Song(_dir.File("tone.wav"), 22050, 1.0);
        var (code, _, error) = await CliRunner.RunAsync("features", wav, "--kind", "logmel", "--out", _dir.File("no/such/folder/x.npy"));
        code.Should().Be(ExitCodes.InputError);
        error.Should().Contain("does not exist");
    }

    [Fact]
    public async Task Unknown_kind_is_a_usage_error()
    {
        string wav = TestWav.Song(_dir.File("tone.wav"), 22050, 1.0);
        var (code, _, error) = await CliRunner.RunAsync("features", wav, "--kind", "chords", "--out", _dir.File("x.npy"));
        code.Should().Be(ExitCodes.UsageError);
        error.Should().Contain("chords");
    }

    [Fact]
    public async Task Mp3_input_goes_through_ffmpeg()
    {
        string wav = TestWav.Song(_dir.File("tone.wav"), 44100, 3.0, channels: 2);
        string mp3 = _dir.File("tone.mp3");
        RunFfmpeg("-i", wav, "-c:a", "libmp3lame", mp3);
        string npy = _dir.File("mp3.npy");

        var (code, _, error) = await CliRunner.RunAsync("features", mp3, "--kind", "mfcc", "--out", npy);

        code.Should().Be(ExitCodes.Success, error);
        // MP3 adds encoder priming: the frame count is within a few frames of 3 s at 22050/512.
        NpyReader.Read(npy).Rows.Should().BeCloseTo(1 + 3 * 22050 / 512, 5);
    }

    [Fact]
    public void The_real_executable_prints_one_line_and_exits_non_zero_on_a_bad_file()
    {
        string mer = Path.Combine(AppContext.BaseDirectory, "mer.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(mer);
        info.ArgumentList.Add("info");
        info.ArgumentList.Add(_dir.File("missing.flac"));
        using var process = Process.Start(info)!;
        string stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        process.ExitCode.Should().Be(ExitCodes.InputError);
        stderr.Trim().Should().Be($"mer: error: {_dir.File("missing.flac")}: file not found");
    }

    private static void RunFfmpeg(params string[] args)
    {
        var info = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (string a in new[] { "-hide_banner", "-loglevel", "error", "-nostdin", "-y" }.Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.Should().Be(0, err);
    }
}
