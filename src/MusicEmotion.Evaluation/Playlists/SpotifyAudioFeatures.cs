using System.Globalization;
using MusicEmotion.Evaluation.Csv;

namespace MusicEmotion.Evaluation.Playlists;

/// <summary>
/// Spotify's audio features per track id, read from a CSV with an <c>id</c> column and the feature columns (valence,
/// energy, danceability, loudness, speechiness, acousticness, instrumentalness, liveness, tempo). Rows with a missing
/// or non-numeric feature are skipped.
/// </summary>
internal sealed class SpotifyAudioFeatures
{
    /// <summary>The features playing the study's "audio descriptors" role.</summary>
    public static IReadOnlyList<string> DescriptorColumns { get; } =
        ["danceability", "energy", "loudness", "speechiness", "acousticness", "instrumentalness", "liveness", "tempo"];

    /// <summary>The features playing the study's "emotion" role: valence, and energy as Spotify's arousal.</summary>
    public static IReadOnlyList<string> EmotionColumns { get; } = ["valence", "energy"];

    private readonly Dictionary<string, (float[] Descriptors, float[] Emotion)> _byId;

    private SpotifyAudioFeatures(Dictionary<string, (float[], float[])> byId, int skipped)
    {
        _byId = byId;
        Skipped = skipped;
    }

    /// <summary>Track ids with features, in file order.</summary>
    public IReadOnlyList<string> Ids => _byId.Keys.ToArray();

    /// <summary>Rows skipped for missing or invalid values.</summary>
    public int Skipped { get; }

    /// <summary>Number of tracks with features.</summary>
    public int Count => _byId.Count;

    /// <summary>Whether <paramref name="id"/> has features.</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The descriptor and emotion values of <paramref name="id"/>.</summary>
    public (float[] Descriptors, float[] Emotion) this[string id] => _byId[id];

    /// <summary>Reads the CSV.</summary>
    /// <exception cref="DatasetFormatException">The file is missing or lacks a column.</exception>
    public static SpotifyAudioFeatures Read(string path)
    {
        CsvTable table = CsvTable.Read(path);
        int id = table.Require("id");
        int[] descriptors = DescriptorColumns.Select(table.Require).ToArray();
        int[] emotion = EmotionColumns.Select(table.Require).ToArray();
        var byId = new Dictionary<string, (float[], float[])>(StringComparer.Ordinal);
        int skipped = 0;
        foreach (CsvRow row in table.Rows)
        {
            float[]? d = Numbers(row, descriptors), e = Numbers(row, emotion);
            if (d is null || e is null || string.IsNullOrWhiteSpace(row[id]) || !byId.TryAdd(row[id], (d, e)))
            {
                skipped++;
            }
        }

        return new SpotifyAudioFeatures(byId, skipped);
    }

    private static float[]? Numbers(CsvRow row, int[] columns)
    {
        var values = new float[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            if (!float.TryParse(row[columns[i]], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !float.IsFinite(values[i]))
            {
                return null;
            }
        }

        return values;
    }
}
