using MusicEmotion.Audio.Fuzz;

namespace MusicEmotion.Audio.Tests.Fuzzing;

/// <summary>
/// Every file of the fuzzing seed corpus (fuzz/corpus) and every input a fuzzing run found to crash (fuzz/regressions,
/// fixed since) goes through the fuzz target as an ordinary test: sniffing, WAV parsing and managed decoding may only
/// end in samples or an <see cref="AudioException"/>.
/// </summary>
public sealed class FuzzCorpusTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string folder in new[] { "corpus", "regressions" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(FuzzFolder, folder)).Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                data.Add(Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Input_ends_in_samples_or_a_typed_audio_error(string input)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(FuzzFolder, input));
        Action run = () => AudioInputTarget.Run(bytes);
        run.Should().NotThrow();
    }

    [Fact]
    public void The_corpus_holds_valid_and_broken_files_of_every_sniffed_kind()
    {
        string[] names = Directory.GetFiles(Path.Combine(FuzzFolder, "corpus")).Select(Path.GetFileName).ToArray()!;
        names.Length.Should().BeGreaterThanOrEqualTo(30);
        names.Should().Contain(n => n!.StartsWith("wav-", StringComparison.Ordinal))
            .And.Contain(n => n!.StartsWith("broken-wav-", StringComparison.Ordinal))
            .And.Contain(n => n!.EndsWith(".mp3", StringComparison.Ordinal))
            .And.Contain(n => n!.EndsWith(".ogg", StringComparison.Ordinal));
    }

    private static string FuzzFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "fuzz");
                if (File.Exists(Path.Combine(dir.FullName, "MusicEmotion.sln")) && Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("fuzz/ was not found above the test output folder");
        }
    }
}
