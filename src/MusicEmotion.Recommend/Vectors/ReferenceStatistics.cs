using System.Globalization;
using System.Text.Json;

namespace MusicEmotion.Recommend.Vectors;

/// <summary>
/// Standardisation statistics of a broad, fixed set of music, which small catalogs lean on: a catalog of two, three or
/// ten songs cannot say what "typical" is (with two songs every value standardises to ±1 and the tracks come out exactly
/// opposite), so below <see cref="Recommending.RecommenderOptions.OwnStatisticsFromTracks"/> tracks the recommender
/// blends the catalog's own statistics with these. <see cref="ShippedAll"/> were computed from the 4Q training clips and the
/// Emotify clips with each shipped model (<c>scripts/reference-statistics.sh</c>; docs/recommend.md); <see cref="Write"/>
/// and <see cref="Read"/> let a host compute its own for its own model (<c>mer catalog statistics --out</c>).
/// </summary>
/// <remarks>
/// The file is JSON: <c>format</c> (<see cref="Format"/>), <c>modelName</c>, <c>modelVersion</c>, <c>trackCount</c>,
/// <c>arcLength</c>, <c>computedUtc</c>, an optional free-text <c>sources</c>, and per block (<c>descriptors</c>,
/// <c>emotionStatistics</c>, <c>emotionArc</c>, and <c>melody</c> when the tracks had a melody block) the arrays
/// <c>mean</c> and <c>standardDeviation</c>. The arc block is
/// pooled per dimension (mean 0, one spread for arousal and one for valence), as in <see cref="CatalogStatisticsBuilder"/>.
/// </remarks>
public static class ReferenceStatistics
{
    /// <summary>The value of the file's <c>format</c> member.</summary>
    public const string Format = "musicemotion-reference-statistics/1";

    private const string ResourcePrefix = "MusicEmotion.Recommend.Vectors.";

    private static readonly Lazy<IReadOnlyList<CatalogStatistics>> ShippedStatistics = new(LoadShipped);

    /// <summary>
    /// The reference of the shipped audio-only emotion model (the one every host can run): computed from a broad set of
    /// music with that model, whose name and version it carries (it is used for tracks of that model only).
    /// </summary>
    public static CatalogStatistics Shipped => ShippedStatistics.Value[0];

    /// <summary>
    /// The references shipped with the package, one per shipped emotion model (the audio-only one first, then the
    /// note-aware one): <see cref="Recommending.RecommenderOptions.ReferenceStatistics"/>' default, from which the
    /// recommender takes the one of its catalog's model.
    /// </summary>
    public static IReadOnlyList<CatalogStatistics> ShippedAll => ShippedStatistics.Value;

    /// <summary>The shipped reference computed with model <paramref name="modelName"/> <paramref name="modelVersion"/>, or null when none was.</summary>
    public static CatalogStatistics? ShippedFor(string modelName, string modelVersion) =>
        ShippedAll.FirstOrDefault(r => r.IsFor(modelName, modelVersion));

    /// <summary>Reads reference statistics written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">The content is not such a file (the message says what is wrong).</exception>
    public static CatalogStatistics Read(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            string format = Text(root, "format");
            if (format != Format)
            {
                throw new FormatException($"format is '{format}', not '{Format}'");
            }

            return new CatalogStatistics(
                Text(root, "modelName"),
                Text(root, "modelVersion"),
                root.GetProperty("trackCount").GetInt32(),
                root.GetProperty("arcLength").GetInt32(),
                Block(root, "descriptors", Features.Descriptors.TrackDescriptors.Names.Count),
                Block(root, "emotionStatistics", TrackVectorBlocks.EmotionStatisticNames.Count),
                Block(root, "emotionArc", 2 * root.GetProperty("arcLength").GetInt32()),
                DateTimeOffset.Parse(Text(root, "computedUtc"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
            {
                Melody = root.TryGetProperty("melody", out _) ? Block(root, "melody", TrackVectorBlocks.MelodyNames.Count) : null,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"Not a reference statistics file: {ex.Message}", ex);
        }
    }

    /// <summary>Writes <paramref name="statistics"/> as a reference statistics file (indented UTF-8 JSON).</summary>
    /// <param name="statistics">The statistics (usually a catalog's, from <see cref="CatalogStatisticsBuilder"/>).</param>
    /// <param name="json">Where to write.</param>
    /// <param name="sources">What music they were computed from, for people reading the file.</param>
    public static void Write(CatalogStatistics statistics, Stream json, string? sources = null)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(json);
        using var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteString("modelName", statistics.ModelName);
        writer.WriteString("modelVersion", statistics.ModelVersion);
        writer.WriteNumber("trackCount", statistics.TrackCount);
        writer.WriteNumber("arcLength", statistics.ArcLength);
        writer.WriteString("computedUtc", statistics.ComputedUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(sources))
        {
            writer.WriteString("sources", sources);
        }

        WriteBlock(writer, "descriptors", statistics.Descriptors, Features.Descriptors.TrackDescriptors.Names);
        WriteBlock(writer, "emotionStatistics", statistics.EmotionStatistics, TrackVectorBlocks.EmotionStatisticNames);
        WriteBlock(writer, "emotionArc", statistics.EmotionArc, names: null);
        if (statistics.Melody is { } melody)
        {
            WriteBlock(writer, "melody", melody, TrackVectorBlocks.MelodyNames);
        }

        writer.WriteEndObject();
    }

    private static List<CatalogStatistics> LoadShipped()
    {
        var references = new List<CatalogStatistics>();
        foreach (string file in (string[])["reference-statistics.json", "reference-statistics-notes.json"])
        {
            string name = ResourcePrefix + file;
            using Stream? stream = typeof(ReferenceStatistics).Assembly.GetManifestResourceStream(name);
            if (stream is not null)
            {
                references.Add(Read(stream));
            }
            else if (references.Count == 0)
            {
                throw new InvalidOperationException($"The package lacks its embedded resource {name}.");
            }
        }

        return references;
    }

    private static string Text(JsonElement root, string name) =>
        root.GetProperty(name).GetString() is { Length: > 0 } text ? text : throw new FormatException($"'{name}' is empty");

    private static BlockStatistics Block(JsonElement root, string name, int length)
    {
        JsonElement block = root.GetProperty(name);
        float[] mean = block.GetProperty("mean").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        float[] deviation = block.GetProperty("standardDeviation").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        if (mean.Length != length)
        {
            throw new FormatException($"'{name}' holds {mean.Length} values; it needs {length}");
        }

        return new BlockStatistics(mean, deviation);
    }

    private static void WriteBlock(Utf8JsonWriter writer, string name, BlockStatistics block, IReadOnlyList<string>? names)
    {
        writer.WriteStartObject(name);
        if (names is not null)
        {
            writer.WriteStartArray("names");
            foreach (string value in names)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray("mean");
        foreach (float value in block.Mean)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("standardDeviation");
        foreach (float value in block.StandardDeviation)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
