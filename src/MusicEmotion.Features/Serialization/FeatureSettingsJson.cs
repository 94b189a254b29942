using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MusicEmotion.Features.Serialization;

/// <summary>
/// Writes and reads <see cref="FeatureSettings"/> with the source-generated <see cref="FeatureSettingsJsonContext"/>
/// (no reflection), keeping the reflection serialiser's semantics: a property absent from the JSON takes its default.
/// </summary>
/// <remarks>
/// Source-generated metadata creates a type with init-only properties through one object initializer that sets every
/// one of them, so an absent property would get <c>default(T)</c> (0 for <see cref="FeatureSettings.SampleRate"/>)
/// instead of its initializer (dotnet/runtime#84484). <see cref="Read"/> therefore appends, before the closing brace
/// of the caller's object, the default of every property the caller left out. The caller's text comes first and
/// unchanged, so the deserialiser's errors keep their line and byte positions, and duplicate or unknown properties
/// behave as before.
/// </remarks>
internal static class FeatureSettingsJson
{
    private static readonly JsonTypeInfo<FeatureSettings> TypeInfo = FeatureSettingsJsonContext.Default.FeatureSettings;

    private static readonly byte[] DefaultsUtf8 = JsonSerializer.SerializeToUtf8Bytes(new FeatureSettings(), TypeInfo);

    /// <summary>The settings as indented JSON.</summary>
    public static string Write(FeatureSettings settings) => JsonSerializer.Serialize(settings, TypeInfo);

    /// <summary>Reads settings; absent properties take their defaults. Null JSON gives null.</summary>
    /// <exception cref="JsonException">The JSON is malformed or does not fit the settings.</exception>
    public static FeatureSettings? Read(string json)
    {
        string complete;
        using (JsonDocument document = JsonDocument.Parse(json))
        {
            JsonElement root = document.RootElement;
            complete = root.ValueKind == JsonValueKind.Object ? WithAbsentDefaults(json, root) : json;
        }

        return JsonSerializer.Deserialize(complete, TypeInfo);
    }

    private static string WithAbsentDefaults(string json, JsonElement root)
    {
        bool hasProperties = root.EnumerateObject().Any();
        var buffer = new ArrayBufferWriter<byte>();
        using (JsonDocument defaults = JsonDocument.Parse(DefaultsUtf8))
        using (var writer = new Utf8JsonWriter(buffer))
        {
            // A writer needs an enclosing object; its braces are cut off below, leaving "a": 1,"b": 2.
            writer.WriteStartObject();
            foreach (JsonProperty property in defaults.RootElement.EnumerateObject())
            {
                if (!root.TryGetProperty(property.Name, out _))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        string absent = Encoding.UTF8.GetString(buffer.WrittenSpan[1..^1]);
        if (absent.Length == 0)
        {
            return json;
        }

        // The document parsed and its root is an object, so the last '}' of the text closes it (only whitespace follows).
        int close = json.LastIndexOf('}');
        return string.Concat(json.AsSpan(0, close), hasProperties ? "," : "", absent, json.AsSpan(close));
    }
}
