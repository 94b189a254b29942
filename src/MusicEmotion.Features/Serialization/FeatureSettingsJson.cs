using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MusicEmotion.Features.Serialization;

/// <summary>
/// The one reader and writer of <see cref="FeatureSettings"/> JSON (model cards read their <c>features.settings</c>
/// through it too). Writes with the source-generated <see cref="FeatureSettingsJsonContext"/>; reads from a
/// <see cref="JsonDocument"/>, property by property: camelCase names (case-sensitive, unknown and computed ones
/// ignored, the last of duplicates wins), absent properties at their defaults, enums as their names (any case; numbers
/// refused), comments and trailing commas allowed. Neither path uses reflection, so both work trimmed and under Native
/// AOT, and reading JIT-compiles nothing generic on a cold start.
/// </summary>
internal static class FeatureSettingsJson
{
    private static readonly JsonTypeInfo<FeatureSettings> TypeInfo = FeatureSettingsJsonContext.Default.FeatureSettings;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The settings as indented JSON.</summary>
    public static string Write(FeatureSettings settings) => JsonSerializer.Serialize(settings, TypeInfo);

    /// <summary>Reads settings; absent properties take their defaults. Null JSON gives null.</summary>
    /// <exception cref="JsonException">The JSON is malformed or a value does not fit its property; the message names the property's path.</exception>
    public static FeatureSettings? Read(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json, DocumentOptions);
        return Read(document.RootElement, "$");
    }

    private static FeatureSettings? Read(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Wrong(path, "an object");
        }

        var s = new FeatureSettings();
        foreach (JsonProperty p in e.EnumerateObject())
        {
            string at = path + "." + p.Name;
            JsonElement v = p.Value;
            s = p.Name switch
            {
                "sampleRate" => s with { SampleRate = Int(v, at) },
                "fftSize" => s with { FftSize = Int(v, at) },
                "hopLength" => s with { HopLength = Int(v, at) },
                "windowLength" => s with { WindowLength = v.ValueKind == JsonValueKind.Null ? null : Int(v, at) },
                "window" => s with { Window = Enum<WindowFunction>(v, at) },
                "center" => s with { Center = Bool(v, at) },
                "padMode" => s with { PadMode = Enum<PadMode>(v, at) },
                "melBands" => s with { MelBands = Int(v, at) },
                "fMin" => s with { FMin = Double(v, at) },
                "fMax" => s with { FMax = v.ValueKind == JsonValueKind.Null ? null : Double(v, at) },
                "melScale" => s with { MelScale = Enum<MelScaleKind>(v, at) },
                "melNorm" => s with { MelNorm = Enum<MelNorm>(v, at) },
                "logScale" => s with { LogScale = Enum<LogScaleKind>(v, at) },
                "dbReference" => s with { DbReference = Double(v, at) },
                "dbAmin" => s with { DbAmin = Double(v, at) },
                "topDb" => s with { TopDb = v.ValueKind == JsonValueKind.Null ? null : Double(v, at) },
                "log1pC" => s with { Log1pC = Double(v, at) },
                "mfccCount" => s with { MfccCount = Int(v, at) },
                "rollOffPercent" => s with { RollOffPercent = Double(v, at) },
                "onsetFloorDb" => s with { OnsetFloorDb = Double(v, at) },
                "chromaFMin" => s with { ChromaFMin = Double(v, at) },
                "chromaFMax" => s with { ChromaFMax = Double(v, at) },
                "tuningFrequency" => s with { TuningFrequency = Double(v, at) },
                "tempoMinBpm" => s with { TempoMinBpm = Double(v, at) },
                "tempoMaxBpm" => s with { TempoMaxBpm = Double(v, at) },
                "tempoPriorBpm" => s with { TempoPriorBpm = Double(v, at) },
                "tempoPriorOctaves" => s with { TempoPriorOctaves = Double(v, at) },
                _ => s, // computed properties the writer leaves out (frameRate...) and unknown ones are ignored
            };
        }

        return s;
    }

    private static int Int(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int value) ? value : throw Wrong(path, "a whole number");

    private static double Double(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double value) ? value : throw Wrong(path, "a number");

    private static bool Bool(JsonElement e, string path) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Wrong(path, "true or false"),
    };

    private static T Enum<T>(JsonElement e, string path)
        where T : struct, System.Enum
    {
        string? text = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (text is not null && !text.Contains(',', StringComparison.Ordinal)
            && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            && System.Enum.TryParse(text, ignoreCase: true, out T named) && System.Enum.IsDefined(named))
        {
            return named;
        }

        throw Wrong(path, "one of " + string.Join(", ", System.Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName)));
    }

    private static JsonException Wrong(string path, string expected) => new($"{path} must be {expected}.");
}
