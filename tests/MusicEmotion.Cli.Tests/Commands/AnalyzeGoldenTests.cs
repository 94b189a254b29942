using System.Text;
using System.Text.Json;

namespace MusicEmotion.Cli.Tests.Commands;

/// <summary>
/// <c>mer analyze</c> over three real 4Q validation clips with each shipped model (the default note-aware one, and
/// <c>--model audio</c>: files named <c>*.audio.*</c>), in every single-file format (JSON,
/// CSV, table), compared byte for byte with the files in <c>Analyze/Golden/</c> (derived numbers only; the audio stays
/// in ../shared/data). The clip's path, which depends on where the data lies, is written as <c>{clip}</c> in them.
/// A change that alters the output on purpose regenerates them (and the diff shows in review):
/// <c>MER_UPDATE_GOLDEN=1 dotnet test tests/MusicEmotion.Cli.Tests -c Release --filter FullyQualifiedName~AnalyzeGolden</c>.
/// The figures come from ffmpeg's decode and ONNX Runtime on x64 with AVX2; another decoder (NLayer without ffmpeg)
/// or instruction set may round a last digit differently, so the test asks for ffmpeg.
/// </summary>
public sealed class AnalyzeGoldenTests
{
    /// <summary>Set to 1 to rewrite the golden files from the current output instead of comparing.</summary>
    public const string UpdateVariable = "MER_UPDATE_GOLDEN";

    private const string ClipToken = "{clip}";

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string clip in new[] { "Q1/MT0000249842", "Q2/MT0000011975", "Q3/MT0001542676" })
        {
            foreach (string format in new[] { "json", "csv", "table" })
            {
                foreach (string model in new[] { "notes", "audio" })
                {
                    data.Add(clip, format, model);
                }
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Output_matches_the_golden_file(string clip, string format, string model)
    {
        Skip.IfNot(AnalyzeFixtures.ShippedModelPresent, "The shipped model is not in this build (train it with training/train.py, then rebuild).");
        Skip.If(FindOnPath("ffmpeg") is null, "ffmpeg is not on PATH: the golden figures were computed from ffmpeg's decode (scripts/ensure-prerequisites.sh installs it)");
        string audio = SharedData.Require("4q", "audio", clip + ".mp3");

        var (code, output, error) = await CliRunner.RunAsync(model == "audio" ? ["analyze", audio, "--format", format, "--model", "audio"] : ["analyze", audio, "--format", format]);

        code.Should().Be(0, error);
        string actual = output.Replace(JsonEncodedText.Encode(audio).ToString(), ClipToken, StringComparison.Ordinal)
            .Replace(audio, ClipToken, StringComparison.Ordinal);
        string golden = GoldenPath(clip, format, model);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllBytes(golden, Encoding.UTF8.GetBytes(actual));
            return;
        }

        File.Exists(golden).Should().BeTrue($"{golden} holds the expected output ({UpdateVariable}=1 writes it)");
        byte[] expected = File.ReadAllBytes(golden);
        Encoding.UTF8.GetBytes(actual).Should().Equal(expected,
            $"mer analyze --format {format} --model {model} of {clip} must print {golden} byte for byte; if the change is meant, regenerate with {UpdateVariable}=1 and review the diff.\nActual:\n{actual}");
    }

    private static string GoldenPath(string clip, string format, string model)
    {
        string extension = (model == "audio" ? "audio." : string.Empty) + (format == "table" ? "txt" : format);
        return Path.Combine(RepositoryRoot(), "tests", "MusicEmotion.Cli.Tests", "Commands", "Golden", $"{clip.Replace('/', '-')}.{extension}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MusicEmotion.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MusicEmotion.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);
}
