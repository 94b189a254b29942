using System.Text.Json.Nodes;

namespace MusicEmotion.Server.Api;

/// <summary>
/// One wrong part of a request, in a problem's <c>errors</c> member: which field (a JSON path such as <c>$.liked[1]</c>,
/// or the name of a query parameter, path segment, header or form field), where it was, the value received and what
/// is allowed.
/// </summary>
/// <param name="Field">The field: a JSON path into the body (<c>$.k</c>) or a parameter's name (<c>limit</c>).</param>
/// <param name="In">Where it was: <c>body</c>, <c>query</c>, <c>path</c>, <c>header</c> or <c>form</c>.</param>
/// <param name="Value">The value received (JSON as sent; long strings shortened), or null when it was missing.</param>
/// <param name="Allowed">What is allowed there, in words.</param>
internal sealed record FieldError(string Field, string In, JsonNode? Value, string Allowed)
{
    /// <summary>Longest string value echoed back.</summary>
    private const int MaxEcho = 100;

    /// <summary>An error for a text value (shortened when long).</summary>
    public static FieldError Text(string field, string @in, string? value, string allowed) =>
        new(field, @in, value is null ? null : JsonValue.Create(value.Length <= MaxEcho ? value : value[..(MaxEcho - 3)] + "..."), allowed);

    /// <summary>The error as the JSON object sent in <c>errors</c>.</summary>
    public Dictionary<string, object?> ToJson() => new()
    {
        ["field"] = Field,
        ["in"] = In,
        ["value"] = Value?.DeepClone(),
        ["allowed"] = Allowed,
    };
}
