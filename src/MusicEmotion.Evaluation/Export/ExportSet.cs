using System.Text.RegularExpressions;

namespace MusicEmotion.Evaluation.Export;

/// <summary>
/// One named dataset folder of an export. The name becomes the <c>set</c> column of <c>index.csv</c> and the folder
/// under <c>features/</c>, so several folders of one layout (4Q and EMOPIA, say) can go into one export.
/// </summary>
internal sealed partial record ExportSet
{
    /// <summary>Creates a set.</summary>
    /// <param name="name">Letters, digits, '_', '-', '.', '@' (at most 64; it becomes a folder name).</param>
    /// <param name="kind">The folder's layout.</param>
    /// <param name="folder">The dataset folder.</param>
    /// <exception cref="ArgumentException">The name is not a safe set name, or the folder is empty.</exception>
    public ExportSet(string name, ExportSetKind kind, string folder)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"Set name '{name}' must be 1-64 letters, digits, '_', '-', '.' or '@', starting with a letter or digit.", nameof(name));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Name = name;
        Kind = kind;
        Folder = folder;
    }

    /// <summary>The set's name (the <c>set</c> column of the index).</summary>
    public string Name { get; }

    /// <summary>The folder's layout.</summary>
    public ExportSetKind Kind { get; }

    /// <summary>The dataset folder.</summary>
    public string Folder { get; }

    /// <summary>The name a set of <paramref name="kind"/> gets when none is given: "4q", "dynamic", "mood" or "reference".</summary>
    public static string DefaultName(ExportSetKind kind) => kind switch
    {
        ExportSetKind.FourQuadrant => "4q",
        ExportSetKind.Dynamic => "dynamic",
        ExportSetKind.MoodClusters => "mood",
        _ => "reference",
    };

    /// <summary>Whether <paramref name="name"/> can name a set.</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>
    /// Parses a command-line value <c>[name=]folder</c>: "emopia=training/work/emopia" names the set; a plain folder
    /// gets <see cref="DefaultName"/>. A prefix before '=' that is not a valid name is taken as part of the folder.
    /// </summary>
    public static ExportSet Parse(string value, ExportSetKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        int equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0 && IsValidName(value[..equals]) && equals < value.Length - 1)
        {
            return new ExportSet(value[..equals], kind, value[(equals + 1)..]);
        }

        return new ExportSet(DefaultName(kind), kind, value);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")]
    private static partial Regex NamePattern();
}
