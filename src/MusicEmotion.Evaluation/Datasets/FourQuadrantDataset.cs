using MusicEmotion.Inference.Analysis;
using MusicEmotion.Evaluation.Csv;

namespace MusicEmotion.Evaluation.Datasets;

/// <summary>
/// Reads the 4Q layout (Panda, Malheiro &amp; Paiva 2018): a folder with <c>labels.csv</c> whose columns include
/// <c>song</c>, <c>quadrant</c> (Q1..Q4) and <c>audio</c> (path relative to the folder); <c>split</c>, <c>artist</c>,
/// <c>title</c> and <c>moods</c> (mood tags separated by ';') are optional.
/// </summary>
internal static class FourQuadrantDataset
{
    /// <summary>The labels file name inside the dataset folder.</summary>
    public const string LabelsFile = "labels.csv";

    /// <summary>Loads every clip listed in <c>labels.csv</c>, optionally only those of one split.</summary>
    /// <param name="folder">The dataset folder.</param>
    /// <param name="split">Keep only rows whose <c>split</c> equals this (case-insensitive); null keeps all.</param>
    /// <exception cref="DatasetFormatException">The folder or file is missing or malformed.</exception>
    public static IReadOnlyList<QuadrantClip> Load(string folder, string? split = null)
    {
        string root = DatasetPaths.RequireFolder(folder);
        string labels = Path.Combine(root, LabelsFile);
        CsvTable table = CsvTable.Read(labels);
        int song = table.Require("song"), quadrant = table.Require("quadrant"), audio = table.Require("audio");
        int splitColumn = table.IndexOf("split"), artist = table.IndexOf("artist"), title = table.IndexOf("title"), moods = table.IndexOf("moods");
        var clips = new List<QuadrantClip>(table.Rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (CsvRow row in table.Rows)
        {
            string id = row[song];
            if (id.Length == 0)
            {
                throw new DatasetFormatException(labels, $"line {row.Line}: empty song id");
            }

            if (!seen.Add(id))
            {
                throw new DatasetFormatException(labels, $"line {row.Line}: song '{id}' is listed twice");
            }

            if (!QuadrantSigns.TryParse(row[quadrant], out EmotionQuadrant q))
            {
                throw new DatasetFormatException(labels, $"line {row.Line}: quadrant '{row[quadrant]}' is not Q1..Q4");
            }

            string rowSplit = splitColumn >= 0 ? row[splitColumn] : string.Empty;
            if (split is not null && !string.Equals(rowSplit, split, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string path = DatasetPaths.ResolveInside(root, row[audio], $"{labels} line {row.Line}");
            clips.Add(new QuadrantClip(id, q, rowSplit, path,
                artist >= 0 ? row[artist] : string.Empty, title >= 0 ? row[title] : string.Empty)
            {
                Moods = moods >= 0 ? MoodTags.Split(row[moods]) : [],
            });
        }

        return clips;
    }
}
