using System.Diagnostics;

namespace MusicEmotion.Cli.Tests.Commands;

public sealed class InfoCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Prints_format_channels_rate_duration_and_decoder()
    {
        string wav = TestWav.Song(_dir.File("tone.wav"), 44100, 2.5, channels: 2);
        var (code, output, error) = await CliRunner.RunAsync("info", wav);
        code.Should().Be(ExitCodes.Success, error);
        output.Should().Contain("WAV PCM 16-bit").And.Contain("decoder:      wav").And.Contain("channels:     2")
            .And.Contain("sample rate:  44100 Hz").And.Contain("duration:     2.500 s");
    }

    [Theory]
    [InlineData("missing.wav", "file not found")]
    [InlineData("", "is a directory")]
    [InlineData("garbage.wav", "not a recognised audio format")]
    [InlineData("empty.mp3", "empty")]
    public async Task A_bad_file_gives_one_line_and_a_non_zero_exit_code(string name, string problem)
    {
        File.WriteAllBytes(_dir.File("garbage.wav"), "this is not audio at all"u8.ToArray());
        File.WriteAllBytes(_dir.File("empty.mp3"), []);
        string path = name.Length == 0 ? _dir.Path : _dir.File(name);

        var (code, output, error) = await CliRunner.RunAsync("info", path);

        code.Should().Be(ExitCodes.InputError);
        output.Should().BeEmpty();
        error.Trim().Should().StartWith("mer: error: ").And.Contain(problem);
        error.Trim().Split('\n').Should().HaveCount(1, "one line, no stack trace");
        error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task Missing_arguments_and_unknown_options_are_usage_errors()
    {
        var (missing, _, missingError) = await CliRunner.RunAsync("info");
        missing.Should().Be(ExitCodes.UsageError);
        missingError.Should().NotBeEmpty();

        var (code, _, error) = await CliRunner.RunAsync("info", "a.wav", "--bogus");
        code.Should().Be(ExitCodes.UsageError);
        error.Should().NotBeEmpty();
    }
}

/// <summary><c>mer info</c> names the decoder: ffmpeg where installed, the managed fallback where it is not.</summary>
public sealed class InfoDecoderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task An_mp3_names_ffmpeg_when_it_is_installed()
    {
        string mp3 = EncodeMp3();
        var (code, output, error) = await CliRunner.RunAsync("info", mp3);
        code.Should().Be(ExitCodes.Success, error);
        output.Should().Contain("decoder:      ffmpeg");
    }

    [Fact]
    public void Without_ffmpeg_on_the_path_mp3_and_vorbis_name_the_managed_decoders_and_flac_says_it_needs_ffmpeg()
    {
        string mp3 = EncodeMp3();
        string ogg = Encode("song.ogg", "-c:a", "libvorbis");
        string flac = Encode("song.flac", "-c:a", "flac");

        var (mp3Code, mp3Output, mp3Error) = RunWithoutFfmpeg("info", mp3);
        mp3Code.Should().Be(ExitCodes.Success, mp3Error);
        mp3Output.Should().Contain("decoder:      nlayer").And.Contain("format:       mp3 (MPEG-1 Layer III, gapless)").And.Contain("duration:     3.000 s");

        var (oggCode, oggOutput, oggError) = RunWithoutFfmpeg("info", ogg);
        oggCode.Should().Be(ExitCodes.Success, oggError);
        oggOutput.Should().Contain("decoder:      nvorbis").And.Contain("format:       ogg (vorbis)");

        var (flacCode, _, flacError) = RunWithoutFfmpeg("info", flac);
        flacCode.Should().Be(ExitCodes.EnvironmentError, "a missing ffmpeg is the environment's problem");
        flacError.Should().Contain("FLAC").And.Contain("needs ffmpeg").And.Contain("install ffmpeg");
    }

    private string EncodeMp3() => Encode("song.mp3", "-c:a", "libmp3lame", "-b:a", "128k");

    private string Encode(string name, params string[] codec)
    {
        string wav = TestWav.Song(_dir.File(name + ".wav"), 44100, 3.0, channels: 2);
        string output = _dir.File(name);
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", wav }.Concat(codec).Append(output))
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, error);
        return output;
    }

    /// <summary>Runs the built <c>mer</c> as its own process with a PATH that holds no ffmpeg (an empty folder).</summary>
    private (int ExitCode, string Output, string Error) RunWithoutFfmpeg(params string[] args)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath!;
        string emptyPath = Directory.CreateDirectory(_dir.File("empty-path")).FullName;
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mer.dll"));
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["PATH"] = emptyPath;
        using var process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
