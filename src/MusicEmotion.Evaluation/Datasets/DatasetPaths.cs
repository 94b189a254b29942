namespace MusicEmotion.Evaluation.Datasets;

/// <summary>Resolves file references found inside dataset files, refusing any that escape the dataset folder.</summary>
internal static class DatasetPaths
{
    /// <summary>
    /// Combines <paramref name="root"/> and a relative <paramref name="reference"/> from a dataset file and checks
    /// that the result stays inside <paramref name="root"/> (no "../" escapes, no absolute paths).
    /// </summary>
    /// <exception cref="DatasetFormatException">The reference is absolute or leaves the dataset folder.</exception>
    public static string ResolveInside(string root, string reference, string listedIn)
    {
        string rootFull = Path.GetFullPath(root);
        if (string.IsNullOrWhiteSpace(reference) || Path.IsPathRooted(reference) || reference.Contains('\0'))
        {
            throw new DatasetFormatException(listedIn, $"audio reference '{reference}' must be a relative path inside {rootFull}");
        }

        string full = Path.GetFullPath(Path.Combine(rootFull, reference));
        string prefix = rootFull.EndsWith(Path.DirectorySeparatorChar) ? rootFull : rootFull + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new DatasetFormatException(listedIn, $"audio reference '{reference}' points outside the dataset folder {rootFull}");
        }

        return full;
    }

    /// <summary>Checks that <paramref name="folder"/> exists, with a message that names it.</summary>
    /// <exception cref="DatasetFormatException">The folder does not exist.</exception>
    public static string RequireFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new DatasetFormatException(folder, File.Exists(full) ? "is a file; expected a dataset folder" : "dataset folder not found");
        }

        return full;
    }
}
