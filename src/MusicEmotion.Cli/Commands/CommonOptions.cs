using System.CommandLine;
using MusicEmotion.Cli.Output;

namespace MusicEmotion.Cli.Commands;

/// <summary>Options several commands share, worded alike.</summary>
internal static class CommonOptions
{
    /// <summary><c>--jobs</c>: how many <paramref name="items"/> run at once (default: the number of cores).</summary>
    public static Option<int> Jobs(string items) =>
        new("--jobs") { Description = $"{items} in parallel (default: number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };

    /// <summary><c>--json</c>: also write <paramref name="what"/> as JSON to a file.</summary>
    public static Option<string?> Json(string what = "the report") => new("--json") { Description = $"Also write {what} as JSON to this file." };

    /// <summary>The value of a <see cref="Jobs"/> option.</summary>
    /// <exception cref="CliInputException">It is below 1.</exception>
    public static int JobCount(ParseResult parse, Option<int> jobs) => AtLeastOne(parse, jobs);

    /// <summary>The value of a <see cref="K"/> option (a cut-off).</summary>
    /// <exception cref="CliInputException">It is below 1.</exception>
    public static int Cutoff(ParseResult parse, Option<int> k) => AtLeastOne(parse, k);

    /// <summary>The value of a whole-number option that must lie between <paramref name="min"/> and <paramref name="max"/>.</summary>
    /// <exception cref="CliInputException">It lies outside.</exception>
    public static int Between(ParseResult parse, Option<int> option, int min, int max)
    {
        int value = parse.GetValue(option);
        if (value < min || value > max)
        {
            throw new CliInputException($"{option.Name} must be between {min} and {max} (got {value})");
        }

        return value;
    }

    /// <summary>The file of a <see cref="Json"/> option, checked to be writable before any work starts; null when not given.</summary>
    /// <exception cref="CliInputException">Its folder does not exist (see <see cref="OutputPaths.EnsureWritable"/>).</exception>
    public static string? JsonPath(ParseResult parse, Option<string?> json)
    {
        string? path = parse.GetValue(json);
        if (path is not null)
        {
            OutputPaths.EnsureWritable(path);
        }

        return path;
    }

    /// <summary><c>--k</c>, default 10.</summary>
    public static Option<int> K(string description) => new("--k") { Description = description, DefaultValueFactory = _ => 10 };

    private static int AtLeastOne(ParseResult parse, Option<int> option)
    {
        int value = parse.GetValue(option);
        if (value < 1)
        {
            throw new CliInputException($"{option.Name} must be at least 1 (got {value})");
        }

        return value;
    }
}
