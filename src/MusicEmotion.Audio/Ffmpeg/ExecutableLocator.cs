namespace MusicEmotion.Audio.Ffmpeg;

/// <summary>
/// Finds an executable the way the operating system would start it: a name with a directory part is checked as a
/// path; a bare name is looked up in each folder of <c>PATH</c> (on Windows also with the extensions of
/// <c>PATHEXT</c>). Nothing is started, so the check costs a few file-system look-ups.
/// </summary>
internal static class ExecutableLocator
{
    /// <summary>The full path <paramref name="executable"/> resolves to, or <c>null</c> when there is none.</summary>
    public static string? Find(string executable)
    {
        if (string.IsNullOrWhiteSpace(executable) || executable.Contains('\0'))
        {
            return null;
        }

        if (executable.Contains(Path.DirectorySeparatorChar) || executable.Contains(Path.AltDirectorySeparatorChar) || Path.IsPathRooted(executable))
        {
            return Candidates(executable).FirstOrDefault(File.Exists);
        }

        string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (string folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string? found;
            try
            {
                found = Candidates(Path.Combine(folder, executable)).FirstOrDefault(File.Exists);
            }
            catch (ArgumentException)
            {
                continue; // a malformed PATH entry
            }

            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string path)
    {
        yield return path;
        if (!OperatingSystem.IsWindows() || Path.HasExtension(path))
        {
            yield break;
        }

        string extensions = Environment.GetEnvironmentVariable("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD";
        foreach (string extension in extensions.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return path + extension.ToLowerInvariant();
        }
    }
}
