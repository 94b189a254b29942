using MusicEmotion.Evaluation.Csv;

namespace MusicEmotion.Evaluation.Transcription;

/// <summary>The MIDI files of an evaluation, optionally one split of a dataset (EMOPIA's labels.csv, VGMIDI's clips.csv).</summary>
internal static class MidiClips
{
    /// <summary>The index files a split is read from, in the order they are looked for: in the folder, then in its parent.</summary>
    public static readonly IReadOnlyList<string> IndexNames = ["labels.csv", "clips.csv"];

    private static readonly string[] Extensions = [".mid", ".midi"];

    /// <summary>
    /// Every MIDI file under <paramref name="folder"/> (recursive, by ordinal path) or, with <paramref name="split"/>, those
    /// the dataset's index (a <c>labels.csv</c> or <c>clips.csv</c> with <c>midi</c> and <c>split</c> columns, in the
    /// folder or its parent; <c>midi</c> relative to the index) puts in that split.
    /// </summary>
    /// <exception cref="DatasetFormatException">No such folder, no MIDI file, no index for a split, or the split is empty.</exception>
    public static IReadOnlyList<string> Find(string folder, string? split)
    {
        string full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new DatasetFormatException(folder, "no such folder");
        }

        if (split is null)
        {
            var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
            string[] files = Directory.EnumerateFiles(full, "*", enumeration)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToArray();
            return files.Length > 0 ? files : throw new DatasetFormatException(folder, "no MIDI files (.mid, .midi) in this folder or below");
        }

        string index = new[] { full, Path.GetDirectoryName(full) }.OfType<string>()
            .SelectMany(d => IndexNames.Select(n => Path.Combine(d, n)))
            .FirstOrDefault(File.Exists)
            ?? throw new DatasetFormatException(folder, $"--split needs the dataset's index ({string.Join(" or ", IndexNames)} with midi and split columns) in this folder or its parent");
        CsvTable table = CsvTable.Read(index);
        int midiColumn = table.Require("midi"), splitColumn = table.Require("split");
        string root = Path.GetDirectoryName(index)!;
        var chosen = new List<string>();
        foreach (CsvRow row in table.Rows.Where(r => string.Equals(r[splitColumn], split, StringComparison.Ordinal)))
        {
            string relative = row[midiColumn];
            string path = Path.GetFullPath(Path.Combine(root, relative));
            if (Path.IsPathRooted(relative) || !path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new DatasetFormatException(index, $"'{relative}' is not a path inside {root}");
            }

            chosen.Add(path);
        }

        chosen.Sort(StringComparer.Ordinal);
        return chosen.Count > 0 ? chosen : throw new DatasetFormatException(index, $"no rows of split '{split}'");
    }
}
