using System.Text.Json;
using System.Text.Json.Serialization;

namespace MusicEmotion.Features.Serialization;

/// <summary>
/// Writes and reads <typeparamref name="TEnum"/> as its camelCase name and refuses integers. A parameterless type, so
/// that a source-generated <see cref="JsonSerializerContext"/> can name it in its options.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
