namespace MusicEmotion.Tests.Shared;

/// <summary>
/// Finds the project's evaluation data: <c>$MUSICEMOTION_DATA</c>, else <c>../shared/data</c> beside the repository
/// root (the folder holding MusicEmotion.sln). Tests that need it skip with a message naming the missing folder.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>The data folder, or null when it is not there.</summary>
    public static string? Folder => Root.Value;

    /// <summary>Why data tests are skipped, when they are.</summary>
    public static string MissingReason =>
        "../shared/data was not found (set MUSICEMOTION_DATA or put the shared data beside the repository); this test needs the real evaluation data";

    /// <summary>A sub-folder or file of the data folder; skips the calling test when the data is missing.</summary>
    public static string Require(params string[] parts)
    {
        Skip.If(Folder is null, MissingReason);
        string path = Path.Combine([Folder!, .. parts]);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"{path} is missing from the shared data");
        return path;
    }

    private static string? Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("MUSICEMOTION_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MusicEmotion.sln")))
            {
                string candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
