using System.Text.RegularExpressions;

namespace MusicEmotion.Cli.Tagging;

/// <summary>
/// The temporary copies <c>mer tag</c> writes beside a file (<c>.song.mp3.0123456789ab.mer-tag</c>: hidden, and with an
/// extension no player or scanner takes for audio) and their removal: a copy left by an interrupted run is deleted by the
/// next run over the same folder.
/// </summary>
internal static partial class TemporaryTagFiles
{
    /// <summary>A fresh temporary path beside <paramref name="path"/>.</summary>
    public static string For(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}"[..^20] + ".mer-tag");

    /// <summary>Whether <paramref name="path"/> names such a temporary copy.</summary>
    public static bool Is(string path) => Pattern().IsMatch(Path.GetFileName(path));

    /// <summary>Deletes the temporary copies in <paramref name="folders"/> (not below them); returns how many.</summary>
    public static int Sweep(IEnumerable<string> folders)
    {
        int removed = 0;
        foreach (string folder in folders.Distinct(StringComparer.Ordinal))
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(folder, "*.mer-tag", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 }))
            {
                if (Is(file))
                {
                    try
                    {
                        File.Delete(file);
                        removed++;
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        // Left for a later run; the original beside it was never touched.
                    }
                }
            }
        }

        return removed;
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{12}\.mer-tag$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
