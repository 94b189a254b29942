using System.Globalization;
using MusicEmotion.Evaluation.Csv;

namespace MusicEmotion.Evaluation.Datasets;

/// <summary>
/// Reads dynamic (per-time) arousal/valence annotations in the emoMusic, DEAM and PMEmo layouts. Values are
/// returned on [-1, 1]: emoMusic and DEAM already use that scale; PMEmo's [0, 1] is mapped by 2x − 1.
/// </summary>
internal static class DynamicAnnotations
{
    private const string EmoMusicArousal = "annotations/arousal_cont_average.csv";
    private const string EmoMusicValence = "annotations/valence_cont_average.csv";
    private const string DeamFolder = "annotations/annotations averaged per song/dynamic (per second annotations)";
    private const string PmemoFile = "annotations/dynamic_annotations.csv";

    /// <summary>Detects the layout of <paramref name="folder"/>.</summary>
    /// <exception cref="DatasetFormatException">No known layout matches.</exception>
    public static DynamicDatasetLayout DetectLayout(string folder)
    {
        string root = DatasetPaths.RequireFolder(folder);
        if (File.Exists(Path.Combine(root, EmoMusicArousal)))
        {
            return DynamicDatasetLayout.EmoMusic;
        }

        if (File.Exists(Path.Combine(root, DeamFolder, "arousal.csv")))
        {
            return DynamicDatasetLayout.Deam;
        }

        if (File.Exists(Path.Combine(root, PmemoFile)))
        {
            return DynamicDatasetLayout.Pmemo;
        }

        throw new DatasetFormatException(folder,
            $"not a dynamic-annotation dataset: expected {EmoMusicArousal} (emoMusic), '{DeamFolder}/arousal.csv' (DEAM) or {PmemoFile} (PMEmo)");
    }

    /// <summary>Loads every annotated clip of the folder, whatever its layout.</summary>
    /// <param name="folder">The dataset folder.</param>
    /// <param name="withAudioOnly">Keep only clips whose audio file exists.</param>
    public static IReadOnlyList<DynamicClip> Load(string folder, bool withAudioOnly = false)
    {
        string root = DatasetPaths.RequireFolder(folder);
        IReadOnlyList<DynamicClip> clips = DetectLayout(root) switch
        {
            DynamicDatasetLayout.EmoMusic => WithArtists(root, LoadWideLayout(root, Path.Combine(root, EmoMusicArousal), Path.Combine(root, EmoMusicValence), EmoMusicAudio(root))),
            DynamicDatasetLayout.Deam => LoadWideLayout(root, Path.Combine(root, DeamFolder, "arousal.csv"), Path.Combine(root, DeamFolder, "valence.csv"),
                id => Path.Combine(root, "MEMD_audio", id + ".mp3")),
            _ => LoadPmemo(root),
        };
        return withAudioOnly ? clips.Where(c => c.AudioPath is not null).ToList() : clips;
    }

    /// <summary>
    /// Parses one "wide" annotation file: header <c>song_id,sample_15000ms,sample_15500ms,...</c> (any start
    /// time), one row per song, empty cell = not annotated.
    /// </summary>
    /// <returns>For each song id, (time in seconds, value) pairs of the annotated cells, in column order.</returns>
    public static IReadOnlyDictionary<string, List<(double Time, double Value)>> ReadWideFile(string path)
    {
        CsvTable table = CsvTable.Read(path);
        if (table.Header.Count < 2 || !table.Header[0].Contains("id", StringComparison.OrdinalIgnoreCase))
        {
            throw new DatasetFormatException(path, "expected a header 'song_id,sample_<ms>ms,...'");
        }

        double[] times = new double[table.Header.Count];
        for (int c = 1; c < table.Header.Count; c++)
        {
            times[c] = ParseSampleColumn(table.Header[c], path);
        }

        var result = new Dictionary<string, List<(double, double)>>(StringComparer.Ordinal);
        foreach (CsvRow row in table.Rows)
        {
            string id = row[0];
            var values = new List<(double, double)>();
            for (int c = 1; c < row.Fields.Count; c++)
            {
                string cell = row[c];
                if (cell.Length == 0)
                {
                    continue;
                }

                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                {
                    throw new DatasetFormatException(path, $"line {row.Line}: '{cell}' in column {table.Header[c]} is not a number");
                }

                values.Add((times[c], v));
            }

            if (!result.TryAdd(id, values))
            {
                throw new DatasetFormatException(path, $"line {row.Line}: song '{id}' is listed twice");
            }
        }

        return result;
    }

    /// <summary>Parses a column name such as <c>sample_15000ms</c> into seconds (15.0).</summary>
    public static double ParseSampleColumn(string column, string path)
    {
        string c = column.Trim();
        if (c.StartsWith("sample_", StringComparison.OrdinalIgnoreCase) && c.EndsWith("ms", StringComparison.OrdinalIgnoreCase)
            && double.TryParse(c.AsSpan(7, c.Length - 9), NumberStyles.Float, CultureInfo.InvariantCulture, out double ms) && ms >= 0)
        {
            return ms / 1000.0;
        }

        throw new DatasetFormatException(path, $"column '{column}' is not of the form sample_<milliseconds>ms");
    }

    private static List<DynamicClip> LoadWideLayout(string root, string arousalFile, string valenceFile, Func<string, string> audioFor)
    {
        var arousal = ReadWideFile(arousalFile);
        var valence = File.Exists(valenceFile) ? ReadWideFile(valenceFile) : new Dictionary<string, List<(double, double)>>();
        var clips = new List<DynamicClip>();
        foreach (string id in arousal.Keys.Union(valence.Keys).OrderBy(NumericFirst).ThenBy(k => k, StringComparer.Ordinal))
        {
            var points = new SortedDictionary<double, (double? A, double? V)>();
            if (arousal.TryGetValue(id, out var a))
            {
                foreach (var (t, v) in a)
                {
                    points[t] = (v, points.TryGetValue(t, out var p) ? p.V : null);
                }
            }

            if (valence.TryGetValue(id, out var vs))
            {
                foreach (var (t, v) in vs)
                {
                    points[t] = (points.TryGetValue(t, out var p) ? p.A : null, v);
                }
            }

            string audio = audioFor(id);
            clips.Add(new DynamicClip(id, File.Exists(audio) ? audio : null,
                points.Select(p => new EmotionAnnotation(p.Key, p.Value.A, p.Value.V)).ToList()));
        }

        return clips;
    }

    private static List<DynamicClip> WithArtists(string root, IReadOnlyList<DynamicClip> clips)
    {
        string clipsFile = Path.Combine(root, "clips.csv");
        var artists = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(clipsFile))
        {
            CsvTable table = CsvTable.Read(clipsFile);
            int id = table.Require("song_id"), artist = table.IndexOf("artist");
            if (artist >= 0)
            {
                foreach (CsvRow row in table.Rows)
                {
                    artists[row[id]] = row[artist];
                }
            }
        }

        return clips.Select(c => artists.TryGetValue(c.Id, out string? a) ? c with { Artist = a } : c).ToList();
    }

    private static Func<string, string> EmoMusicAudio(string root)
    {
        string clipsFile = Path.Combine(root, "clips.csv");
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(clipsFile))
        {
            CsvTable table = CsvTable.Read(clipsFile);
            int id = table.Require("song_id"), audio = table.Require("audio");
            foreach (CsvRow row in table.Rows)
            {
                listed[row[id]] = DatasetPaths.ResolveInside(root, row[audio], $"{clipsFile} line {row.Line}");
            }
        }

        return id => listed.TryGetValue(id, out string? path) ? path : Path.Combine(root, "audio", id + ".mp3");
    }

    private static List<DynamicClip> LoadPmemo(string root)
    {
        string file = Path.Combine(root, PmemoFile);
        CsvTable table = CsvTable.Read(file);
        int id = table.Require("musicId"), time = table.Require("frameTime");
        int a = table.Require("Arousal(mean)"), v = table.Require("Valence(mean)");
        var byId = new Dictionary<string, List<EmotionAnnotation>>(StringComparer.Ordinal);
        foreach (CsvRow row in table.Rows)
        {
            double t = Number(row[time], file, row.Line) ?? throw new DatasetFormatException(file, $"line {row.Line}: empty frameTime");
            double? arousal = Number(row[a], file, row.Line) is { } av ? 2 * av - 1 : null;
            double? valence = Number(row[v], file, row.Line) is { } vv ? 2 * vv - 1 : null;
            if (!byId.TryGetValue(row[id], out var list))
            {
                byId[row[id]] = list = [];
            }

            list.Add(new EmotionAnnotation(t, arousal, valence));
        }

        return byId.OrderBy(p => NumericFirst(p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            string audio = Path.Combine(root, "chorus", p.Key + ".mp3");
            return new DynamicClip(p.Key, File.Exists(audio) ? audio : null, p.Value.OrderBy(x => x.TimeSeconds).ToList());
        }).ToList();
    }

    private static double? Number(string cell, string file, int line)
    {
        if (cell.Length == 0)
        {
            return null;
        }

        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
            ? d
            : throw new DatasetFormatException(file, $"line {line}: '{cell}' is not a number");
    }

    private static long NumericFirst(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : long.MaxValue;
}
