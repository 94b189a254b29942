namespace MusicEmotion.Audio.Decoding;

/// <summary>Checks that a path names an existing, readable, non-empty regular file.</summary>
public static class AudioPath
{
    /// <summary>Returns the full path of <paramref name="path"/> after checking it.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="AudioSourceNotFoundException">The path is malformed, missing, or a directory.</exception>
    /// <exception cref="AudioFormatException">The file is empty.</exception>
    public static string Validate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.Contains('\0'))
        {
            throw new AudioSourceNotFoundException(path.Replace("\0", "\\0"), "not a valid path (contains a NUL character)");
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new AudioSourceNotFoundException(path, $"not a valid path ({ex.Message})", ex);
        }

        if (Directory.Exists(fullPath))
        {
            throw new AudioSourceNotFoundException(path, "is a directory, not an audio file");
        }

        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            throw new AudioSourceNotFoundException(path, "file not found");
        }

        if (info.Length == 0)
        {
            throw new AudioFormatException(path, "file is empty (0 bytes)");
        }

        return fullPath;
    }

    /// <summary>Opens a file a decoder reads from start to end (read-only, shared, 64 KiB buffer, sequential-scan hint).</summary>
    internal static FileStream OpenSequential(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
}
