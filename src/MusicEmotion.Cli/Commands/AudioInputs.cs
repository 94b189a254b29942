namespace MusicEmotion.Cli.Commands;

/// <summary>The audio files that command-line inputs name: a file as given, a folder searched recursively (<see cref="AnalyzeCommand.FindAudio"/>).</summary>
internal static class AudioInputs
{
    /// <summary>The files named and the audio files under the folders named, in order, without repeats.</summary>
    /// <param name="inputs">Paths of files and folders.</param>
    /// <param name="missing">Where inputs that are neither a file nor a folder are listed; without it, the first one is an error.</param>
    /// <exception cref="CliInputException">An input does not exist (and <paramref name="missing"/> is null), or a folder holds no audio file.</exception>
    public static string[] Expand(IEnumerable<string> inputs, List<string>? missing = null)
    {
        var files = new List<string>();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(AnalyzeCommand.FindAudio(input));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else if (missing is not null)
            {
                missing.Add(input);
            }
            else
            {
                throw new CliInputException($"{input}: no such file or folder");
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToArray();
    }
}
