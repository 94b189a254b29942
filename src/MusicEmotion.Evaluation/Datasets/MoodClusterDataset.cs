using System.Text.RegularExpressions;
using MusicEmotion.Evaluation.Csv;

namespace MusicEmotion.Evaluation.Datasets;

/// <summary>
/// Reads the MIREX-like mood layout (Panda, Malheiro, Rocha et al. 2013): a folder with <c>labels.csv</c> whose
/// columns include <c>song</c>, <c>cluster</c> (C1..C5, the five MIREX mood clusters), <c>mood</c> (the tag the clip
/// was chosen for) and <c>audio</c> (path relative to the folder); <c>artist</c> and <c>title</c> are optional.
/// Every clip is a training clip: the layout has no split.
/// </summary>
internal static partial class MoodClusterDataset
{
    /// <summary>The labels file name inside the dataset folder.</summary>
    public const string LabelsFile = "labels.csv";

    /// <summary>Loads every clip listed in <c>labels.csv</c>.</summary>
    /// <exception cref="DatasetFormatException">The folder or file is missing or malformed.</exception>
    public static IReadOnlyList<MoodClusterClip> Load(string folder)
    {
        string root = DatasetPaths.RequireFolder(folder);
        string labels = Path.Combine(root, LabelsFile);
        CsvTable table = CsvTable.Read(labels);
        int song = table.Require("song"), cluster = table.Require("cluster"), mood = table.Require("mood"), audio = table.Require("audio");
        int artist = table.IndexOf("artist"), title = table.IndexOf("title");
        var clips = new List<MoodClusterClip>(table.Rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (CsvRow row in table.Rows)
        {
            string id = row[song];
            if (id.Length == 0 || !seen.Add(id))
            {
                throw new DatasetFormatException(labels, $"line {row.Line}: song id '{id}' is empty or listed twice");
            }

            if (!ClusterPattern().IsMatch(row[cluster]))
            {
                throw new DatasetFormatException(labels, $"line {row.Line}: cluster '{row[cluster]}' is not C1..C5");
            }

            if (row[mood].Length == 0)
            {
                throw new DatasetFormatException(labels, $"line {row.Line}: empty mood tag");
            }

            string path = DatasetPaths.ResolveInside(root, row[audio], $"{labels} line {row.Line}");
            clips.Add(new MoodClusterClip(id, row[cluster], row[mood], path,
                artist >= 0 ? row[artist] : string.Empty, title >= 0 ? row[title] : string.Empty));
        }

        return clips;
    }

    [GeneratedRegex("^C[1-5]$")]
    private static partial Regex ClusterPattern();
}
