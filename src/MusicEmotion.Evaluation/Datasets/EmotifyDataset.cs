using System.Globalization;
using MusicEmotion.Evaluation.Csv;

namespace MusicEmotion.Evaluation.Datasets;

/// <summary>Reads the Emotify layout (Aljanaki et al. 2016): <c>tracks.csv</c> (<c>track_id,genre,audio</c>) and <c>ratings.csv</c>.</summary>
internal static class EmotifyDataset
{
    /// <summary>The nine GEMS induced emotions, in the column order of <c>ratings.csv</c>.</summary>
    public static IReadOnlyList<string> GemsNames { get; } =
        ["amazement", "solemnity", "tenderness", "nostalgia", "calmness", "power", "joyful_activation", "tension", "sadness"];

    /// <summary>Loads every track that has at least one rating.</summary>
    /// <exception cref="DatasetFormatException">A file is missing or malformed.</exception>
    public static IReadOnlyList<EmotifyTrack> Load(string folder)
    {
        string root = DatasetPaths.RequireFolder(folder);
        string tracksFile = Path.Combine(root, "tracks.csv");
        string ratingsFile = Path.Combine(root, "ratings.csv");
        CsvTable tracks = CsvTable.Read(tracksFile);
        CsvTable ratings = CsvTable.Read(ratingsFile);
        int trackId = ratings.Require("track_id"), mood = ratings.Require("mood"), liked = ratings.Require("liked");
        int[] gems = GemsNames.Select(ratings.Require).ToArray();

        var sums = new Dictionary<string, (double[] Gems, double Mood, double Liked, int Count)>(StringComparer.Ordinal);
        foreach (CsvRow row in ratings.Rows)
        {
            string id = row[trackId];
            if (!sums.TryGetValue(id, out var s))
            {
                s = (new double[gems.Length], 0, 0, 0);
            }

            for (int g = 0; g < gems.Length; g++)
            {
                s.Gems[g] += Number(row[gems[g]], ratingsFile, row.Line);
            }

            sums[id] = (s.Gems, s.Mood + Number(row[mood], ratingsFile, row.Line), s.Liked + Number(row[liked], ratingsFile, row.Line), s.Count + 1);
        }

        int tid = tracks.Require("track_id"), genre = tracks.Require("genre"), audio = tracks.Require("audio");
        var result = new List<EmotifyTrack>();
        foreach (CsvRow row in tracks.Rows)
        {
            string id = row[tid];
            if (!sums.TryGetValue(id, out var s))
            {
                continue;
            }

            string path = DatasetPaths.ResolveInside(root, row[audio], $"{tracksFile} line {row.Line}");
            result.Add(new EmotifyTrack(id, row[genre], path, s.Gems.Select(x => x / s.Count).ToArray(), s.Mood / s.Count, s.Liked / s.Count, s.Count));
        }

        return result;
    }

    private static double Number(string cell, string file, int line) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
            ? d
            : throw new DatasetFormatException(file, $"line {line}: '{cell}' is not a number");
}
