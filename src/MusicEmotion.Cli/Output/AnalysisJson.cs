using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Cli.Output;

/// <summary>
/// The JSON shape of one analysis, shared by <c>mer analyze --format json</c> and the lines of a batch's
/// <c>.jsonl</c>: <c>{"file", "durationSeconds", "secondsPerValue", "model", "arousal", "valence", "music",
/// "summary", "description", "vector"}</c> (<c>music</c>: per second, whether it holds music; seconds without music
/// carry no mood), camelCase (quadrant names as everywhere else: <c>"Q1"</c>), every number rounded to
/// <see cref="Decimals"/> decimals. The summary is the library's <see cref="EmotionSummary"/>, serialised as it is.
/// </summary>
internal static class AnalysisJson
{
    /// <summary>Decimals kept in every number written.</summary>
    public const int Decimals = 4;

    private static readonly JsonSerializerOptions Indented = Options(indented: true);

    private static readonly JsonSerializerOptions Compact = Options(indented: false);

    /// <summary>Indented JSON for <c>--format json</c>.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="file">The name to report as <c>"file"</c> (as the user gave it).</param>
    /// <param name="keys">
    /// Tempo, chroma key and key from notes (<c>mer analyze --notes</c>), written last as <c>"tempoAndKey": {"tempoBpm",
    /// "chromaKey", "notesKey"}</c> (each key <c>{"tonic", "mode", "strength", "label"}</c> or null); null writes no member.
    /// </param>
    public static string Format(EmotionAnalysis analysis, string file, KeyTempoReport? keys = null) =>
        JsonSerializer.Serialize(Document.Of(analysis, file, ok: null) with { TempoAndKey = keys }, Indented);

    /// <summary>One line of a batch's <c>.jsonl</c> for a file that was analysed: the JSON shape plus <c>"ok": true</c>.</summary>
    public static string SuccessLine(EmotionAnalysis analysis, string file) => JsonSerializer.Serialize(Document.Of(analysis, file, ok: true), Compact);

    /// <summary>One line of a batch's <c>.jsonl</c> for a file that failed.</summary>
    public static string FailureLine(string file, string error, string? errorType)
    {
        var node = new JsonObject { ["file"] = file, ["ok"] = false, ["error"] = error };
        if (errorType is not null)
        {
            node["errorType"] = errorType;
        }

        return node.ToJsonString(Compact);
    }

    /// <summary>Rounds to <see cref="Decimals"/> decimals (what every formatter writes).</summary>
    public static double Round(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    internal static JsonArray Numbers(IReadOnlyList<float> values)
    {
        var array = new JsonArray();
        foreach (float v in values)
        {
            array.Add(Round(v));
        }

        return array;
    }

    private static JsonSerializerOptions Options(bool indented) => new()
    {
        WriteIndented = indented,
        PropertyNamingPolicy = new QuadrantKeepingCamelCase(),
        Converters = { new RoundedDouble(), new RoundedFloat() },
    };

    /// <summary>The document written for one analysis (property order is the output's).</summary>
    private sealed record Document(
        string File,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Ok,
        double DurationSeconds,
        double SecondsPerValue,
        string Model,
        IReadOnlyList<float> Arousal,
        IReadOnlyList<float> Valence,
        IReadOnlyList<bool> Music,
        EmotionSummary Summary,
        string? Description,
        VectorDocument Vector)
    {
        /// <summary>What <c>--notes</c> adds; not written when null.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public KeyTempoReport? TempoAndKey { get; init; }

        public static Document Of(EmotionAnalysis analysis, string file, bool? ok)
        {
            ArgumentNullException.ThrowIfNull(analysis);
            EmotionTimeline timeline = analysis.Timeline;
            EmotionVector vector = analysis.Vector;
            return new Document(file, ok, analysis.DurationSeconds, timeline.SecondsPerValue, analysis.ModelName, timeline.Arousal, timeline.Valence,
                timeline.Presence.Select(p => p == MusicPresence.Music).ToArray(), analysis.Summary, analysis.Description, new VectorDocument(vector.Length, vector.Arousal, vector.Valence));
        }
    }

    private sealed record VectorDocument(int Length, IReadOnlyList<float> Arousal, IReadOnlyList<float> Valence);

    /// <summary>camelCase, except the quadrant names (<c>Q1</c> … <c>Q4</c>), which stay as everywhere else.</summary>
    private sealed class QuadrantKeepingCamelCase : JsonNamingPolicy
    {
        public override string ConvertName(string name) =>
            Enum.TryParse(name, ignoreCase: false, out EmotionQuadrant _) ? name : CamelCase.ConvertName(name);
    }

    private sealed class RoundedDouble : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(Round(value));
    }

    private sealed class RoundedFloat : JsonConverter<float>
    {
        public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetSingle();

        public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options) => writer.WriteNumberValue(Round(value));
    }
}
