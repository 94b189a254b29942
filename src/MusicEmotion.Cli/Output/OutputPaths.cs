namespace MusicEmotion.Cli.Output;

/// <summary>Output file checks and atomic writes: every file a command writes appears whole or not at all.</summary>
internal static class OutputPaths
{
    /// <summary>Fails with a one-line input error when <paramref name="destination"/> is a folder or its folder is missing.</summary>
    public static void EnsureWritable(string destination)
    {
        string full = Path.GetFullPath(destination);
        if (Directory.Exists(full))
        {
            throw new CliInputException($"{destination}: is a directory; give a file name");
        }

        string? folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliInputException($"{destination}: folder {folder} does not exist");
        }
    }

    /// <summary>
    /// Hands over the text of a one-song command: written whole to <paramref name="destination"/> (ending in a newline)
    /// with a "wrote" line on <paramref name="error"/>, or printed to <paramref name="output"/> when there is none; then a
    /// "wrote" line for <paramref name="alsoWritten"/>, a second file the command has already written (a plot, a MIDI file).
    /// </summary>
    public static async Task WriteResultAsync(string text, string? destination, string? alsoWritten, TextWriter output, TextWriter error)
    {
        if (destination is not null)
        {
            WriteAtomically(destination, text.EndsWith('\n') ? text : text + Environment.NewLine);
            await error.WriteLineAsync($"wrote {destination}").ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(text.TrimEnd('\n')).ConfigureAwait(false);
        }

        if (alsoWritten is not null)
        {
            await error.WriteLineAsync($"wrote {alsoWritten}").ConfigureAwait(false);
        }
    }

    /// <summary>A unique temporary name beside <paramref name="path"/> (same folder, so the final move is atomic).</summary>
    public static string TemporaryPathFor(string path) => Path.GetFullPath(path) + ".tmp-" + Guid.NewGuid().ToString("N");

    /// <summary>Writes text to a temporary file, then moves it over <paramref name="path"/>.</summary>
    public static void WriteAtomically(string path, string content) => WriteAtomically(path, temporary => File.WriteAllText(temporary, content));

    /// <summary>Writes bytes to a temporary file, then moves it over <paramref name="path"/>.</summary>
    public static void WriteAtomically(string path, byte[] content) => WriteAtomically(path, temporary => File.WriteAllBytes(temporary, content));

    /// <summary>Lets <paramref name="write"/> fill a temporary file, then moves it over <paramref name="path"/>; the temporary file never outlives a failure.</summary>
    public static void WriteAtomically(string path, Action<string> write)
    {
        string temporary = TemporaryPathFor(path);
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
