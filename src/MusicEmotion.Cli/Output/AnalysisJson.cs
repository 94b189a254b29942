using System.Text.Json;
using System.Text.Json.Nodes;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Cli.Output;

/// <summary>
/// The JSON shape of one analysis, shared by <c>mer analyze --format json</c> and the lines of a batch's
/// <c>.jsonl</c>: <c>{"file", "durationSeconds", "secondsPerValue", "model", "arousal", "valence", "summary",
/// "description", "vector"}</c>, camelCase, every number rounded to <see cref="Decimals"/> decimals.
/// </summary>
internal static class AnalysisJson
{
    /// <summary>Decimals kept in every number written.</summary>
    public const int Decimals = 4;

    private static readonly JsonSerializerOptions SummaryOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>The analysis as a JSON object.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="file">The name to report as <c>"file"</c> (as the user gave it).</param>
    public static JsonObject ToNode(EmotionAnalysis analysis, string file)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        EmotionVector vector = analysis.Vector;
        return new JsonObject
        {
            ["file"] = file,
            ["durationSeconds"] = Round(analysis.DurationSeconds),
            ["secondsPerValue"] = analysis.Timeline.SecondsPerValue,
            ["model"] = analysis.ModelName,
            ["arousal"] = Numbers(analysis.Timeline.Arousal),
            ["valence"] = Numbers(analysis.Timeline.Valence),
            ["summary"] = SummaryNode(analysis.Summary),
            ["description"] = analysis.Description,
            ["vector"] = new JsonObject
            {
                ["length"] = vector.Length,
                ["arousal"] = Numbers(vector.Arousal),
                ["valence"] = Numbers(vector.Valence),
            },
        };
    }

    /// <summary>Indented JSON for <c>--format json</c>.</summary>
    public static string Format(EmotionAnalysis analysis, string file) => ToNode(analysis, file).ToJsonString(Indented);

    /// <summary>One line of a batch's <c>.jsonl</c> for a file that was analysed: the JSON shape plus <c>"ok": true</c>.</summary>
    public static string SuccessLine(EmotionAnalysis analysis, string file)
    {
        JsonObject node = ToNode(analysis, file);
        node.Insert(1, "ok", true);
        return node.ToJsonString(Compact);
    }

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

    private static JsonNode? SummaryNode(EmotionSummary summary)
    {
        JsonNode? node = RoundNumbers(JsonNode.Parse(JsonSerializer.Serialize(summary, SummaryOptions)));
        if (node?["quadrantShares"] is JsonObject shares)
        {
            // Keep the quadrant names as everywhere else ("Q1", not the camel-cased "q1").
            foreach (string key in shares.Select(p => p.Key).ToArray())
            {
                JsonNode? value = shares[key];
                shares.Remove(key);
                shares[key.ToUpperInvariant()] = value;
            }
        }

        return node;
    }

    internal static JsonArray Numbers(IReadOnlyList<float> values)
    {
        var array = new JsonArray();
        foreach (float v in values)
        {
            array.Add(Round(v));
        }

        return array;
    }

    private static JsonNode? RoundNumbers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (string key in obj.Select(p => p.Key).ToArray())
                {
                    if (Rounded(obj[key]) is { } replacement)
                    {
                        obj[key] = replacement;
                    }
                    else
                    {
                        RoundNumbers(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    if (Rounded(array[i]) is { } replacement)
                    {
                        array[i] = replacement;
                    }
                    else
                    {
                        RoundNumbers(array[i]);
                    }
                }

                break;
        }

        return node;
    }

    private static JsonValue? Rounded(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out double d) ? JsonValue.Create(Round(d)) : null;
}
