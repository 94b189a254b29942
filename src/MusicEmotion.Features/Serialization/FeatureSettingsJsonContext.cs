using System.Text.Json.Serialization;

namespace MusicEmotion.Features.Serialization;

/// <summary>
/// Source-generated (reflection-free, trimming- and Native-AOT-safe) JSON metadata for <see cref="FeatureSettings"/>:
/// camelCase property names, indented, nulls written, enums as camelCase names (integers refused). The text is the
/// same, byte for byte, as the reflection-based serialiser with those options wrote before.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters =
    [
        typeof(CamelCaseEnumConverter<WindowFunction>),
        typeof(CamelCaseEnumConverter<PadMode>),
        typeof(CamelCaseEnumConverter<MelScaleKind>),
        typeof(CamelCaseEnumConverter<MelNorm>),
        typeof(CamelCaseEnumConverter<LogScaleKind>),
    ])]
[JsonSerializable(typeof(FeatureSettings))]
internal sealed partial class FeatureSettingsJsonContext : JsonSerializerContext;
