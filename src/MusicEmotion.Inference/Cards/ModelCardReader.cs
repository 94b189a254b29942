using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MusicEmotion.Features;

namespace MusicEmotion.Inference.Cards;

/// <summary>
/// Reads a model card from a <see cref="JsonDocument"/>, field by field, with the serialiser's rules (camelCase names,
/// unknown properties ignored, absent ones at their defaults, enums as names or numbers, comments and trailing commas
/// allowed); <c>features.settings</c> is read by <see cref="FeatureSettings.FromJson"/>, whose rules for the settings
/// are those of every settings file (enums as names only).
/// </summary>
/// <remarks>
/// Why not <see cref="JsonSerializer"/>: on a cold start (<c>mer analyze</c> on one song) the reflection serialiser
/// JIT-compiled about 580 methods for the card's records (its generic metadata and emitted accessors cannot be
/// precompiled by ReadyToRun), a sizeable share of the process's start-up. <see cref="JsonDocument"/> is not generic
/// and ships precompiled. <c>ModelCardReaderTests</c> checks that both read every card the same way.
/// </remarks>
internal static class ModelCardReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses a card (not validated); null when the JSON is the literal <c>null</c>.</summary>
    /// <exception cref="JsonException">The JSON is malformed, a required property is missing or a value has the wrong type.</exception>
    public static ModelCard? Read(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json, DocumentOptions);
        JsonElement root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireObject(root, "$");
        var card = new ModelCard
        {
            Name = RequiredString(root, "name", "$"),
            Features = ReadRecipe(Required(root, "features", "$"), "$.features")!,
            Window = ReadWindow(Required(root, "window", "$"), "$.window")!,
        };
        if (Optional(root, "formatVersion") is { } formatVersion)
        {
            card = card with { FormatVersion = Int(formatVersion, "$.formatVersion") };
        }

        if (Optional(root, "version") is { } version)
        {
            card = card with { Version = String(version, "$.version")! };
        }

        if (Optional(root, "description") is { } description)
        {
            card = card with { Description = String(description, "$.description")! };
        }

        if (Optional(root, "input") is { } input)
        {
            card = card with { Input = ReadInput(input, "$.input")! };
        }

        if (Optional(root, "output") is { } output)
        {
            card = card with { Output = ReadOutput(output, "$.output")! };
        }

        if (Optional(root, "training") is { } training)
        {
            card = card with { Training = ObjectNode(training, "$.training") };
        }

        if (Optional(root, "metrics") is { } metrics)
        {
            card = card with { Metrics = ObjectNode(metrics, "$.metrics") };
        }

        return card;
    }

    private static FeatureRecipe? ReadRecipe(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireObject(element, path);
        return new FeatureRecipe
        {
            Kinds = StringList(Required(element, "kinds", path), path + ".kinds")!,
            Settings = ReadSettings(Required(element, "settings", path), path + ".settings")!,
        };
    }

    /// <summary>The recipe's settings, read by the one <see cref="FeatureSettings"/> reader (the features package's).</summary>
    private static FeatureSettings? ReadSettings(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireObject(e, path);
        try
        {
            return FeatureSettings.FromJson(e.GetRawText());
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"{path}: {ex.Message}", ex);
        }
    }

    private static WindowSpec? ReadWindow(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireObject(e, path);
        var window = new WindowSpec { Seconds = Double(Required(e, "seconds", path), path + ".seconds") };
        if (Optional(e, "hopSeconds") is { } hop)
        {
            window = window with { HopSeconds = Double(hop, path + ".hopSeconds") };
        }

        if (Optional(e, "batchSize") is { } batch)
        {
            window = window with { BatchSize = Int(batch, path + ".batchSize") };
        }

        return window;
    }

    private static ModelInputSpec? ReadInput(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireObject(e, path);
        var input = new ModelInputSpec();
        if (Optional(e, "name") is { } name)
        {
            input = input with { Name = String(name, path + ".name")! };
        }

        if (Optional(e, "layout") is { } layout)
        {
            input = input with { Layout = String(layout, path + ".layout")! };
        }

        return input;
    }

    private static ModelOutputSpec? ReadOutput(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireObject(e, path);
        var output = new ModelOutputSpec();
        if (Optional(e, "names") is { } names)
        {
            output = output with { Names = StringList(names, path + ".names")! };
        }

        if (Optional(e, "order") is { } order)
        {
            output = output with { Order = List(order, path + ".order", (v, at) => Enum<EmotionDimension>(v, at))! };
        }

        if (Optional(e, "mapping") is { } mapping)
        {
            output = output with { Mapping = ReadMapping(mapping, path + ".mapping")! };
        }

        if (Optional(e, "smoothing") is { } smoothing)
        {
            output = output with { Smoothing = ReadSmoothing(smoothing, path + ".smoothing") };
        }

        return output;
    }

    private static OutputMapping? ReadMapping(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireObject(e, path);
        var mapping = new OutputMapping();
        if (Optional(e, "kind") is { } kind)
        {
            mapping = mapping with { Kind = Enum<OutputMappingKind>(kind, path + ".kind") };
        }

        if (Optional(e, "scale") is { } scale)
        {
            mapping = mapping with { Scale = List(scale, path + ".scale", Double)! };
        }

        if (Optional(e, "offset") is { } offset)
        {
            mapping = mapping with { Offset = List(offset, path + ".offset", Double)! };
        }

        return mapping;
    }

    private static SmoothingSpec? ReadSmoothing(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireObject(e, path);
        var smoothing = new SmoothingSpec();
        if (Optional(e, "halfWindowSeconds") is { } half)
        {
            smoothing = smoothing with { HalfWindowSeconds = Int(half, path + ".halfWindowSeconds") };
        }

        if (Optional(e, "deviationScale") is { } scale)
        {
            smoothing = smoothing with { DeviationScale = List(scale, path + ".deviationScale", Double)! };
        }

        return smoothing;
    }

    private static JsonObject? ObjectNode(JsonElement e, string path) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Object => JsonObject.Create(e.Clone()),
        _ => throw Wrong(path, "an object"),
    };

    private static JsonElement? Optional(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement value) ? value : null;

    private static JsonElement Required(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out JsonElement value) ? value : throw new JsonException($"{path} lacks the required property '{name}'.");

    private static string RequiredString(JsonElement e, string name, string path) => String(Required(e, name, path), path + "." + name)!;

    private static void RequireObject(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Wrong(path, "an object");
        }
    }

    private static string? String(JsonElement e, string path) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Null => null,
        _ => throw Wrong(path, "a string"),
    };

    private static int Int(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int value) ? value : throw Wrong(path, "a whole number");

    private static double Double(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double value) ? value : throw Wrong(path, "a number");

    private static T Enum<T>(JsonElement e, string path)
        where T : struct, System.Enum
    {
        if (e.ValueKind == JsonValueKind.String && System.Enum.TryParse(e.GetString(), ignoreCase: true, out T named)
            && !int.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return named;
        }

        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int number))
        {
            return (T)(object)number;
        }

        throw Wrong(path, "one of " + string.Join(", ", System.Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName)));
    }

    private static List<string>? StringList(JsonElement e, string path) => List(e, path, (v, at) => String(v, at)!);

    private static List<T>? List<T>(JsonElement e, string path, Func<JsonElement, string, T> item)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(path, "an array");
        }

        var list = new List<T>(e.GetArrayLength());
        int index = 0;
        foreach (JsonElement value in e.EnumerateArray())
        {
            list.Add(item(value, $"{path}[{index++}]"));
        }

        return list;
    }

    private static JsonException Wrong(string path, string expected) => new($"{path} must be {expected}.");
}
