using System.CommandLine;

namespace MusicEmotion.Cli.Commands;

/// <summary>Options several commands share, worded alike.</summary>
internal static class CommonOptions
{
    /// <summary><c>--jobs</c>: how many <paramref name="items"/> run at once (default: the number of cores).</summary>
    public static Option<int> Jobs(string items) =>
        new("--jobs") { Description = $"{items} in parallel (default: number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };

    /// <summary><c>--json</c>: also write <paramref name="what"/> as JSON to a file.</summary>
    public static Option<string?> Json(string what = "the report") => new("--json") { Description = $"Also write {what} as JSON to this file." };

    /// <summary><c>--k</c>, default 10.</summary>
    public static Option<int> K(string description) => new("--k") { Description = description, DefaultValueFactory = _ => 10 };
}
