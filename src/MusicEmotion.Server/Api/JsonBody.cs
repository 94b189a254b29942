using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Server.Api;

/// <summary>
/// Reading a JSON request body field by field (the recommendation and journey requests): the media type, the size limit,
/// the parse, unknown fields refused, and each field checked so that every wrong one is answered with its JSON path, the
/// value received and what is allowed — never with the names of the service's types.
/// </summary>
internal static class JsonBody
{
    /// <summary>Largest body read (500 ids in each of three lists fit many times over).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    private const string IdsAllowed = "an array of at most 500 track ids (64 hexadecimal digits each)";

    /// <summary>The request that <paramref name="read"/> makes of the JSON object in the body of <paramref name="request"/>.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="example">A small example body, for the answers.</param>
    /// <param name="what">What the body is, e.g. "recommendation request".</param>
    /// <param name="read">Reads the request from the document's root, raising the problem that names every wrong field.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="ApiProblemException">415 when the body is not JSON; 413 when it is too large; 400 when it is malformed or <paramref name="read"/> refuses it.</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, string example, string what, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        using JsonDocument document = await ReadAsync(request, example, what, cancellationToken).ConfigureAwait(false);
        return read(document.RootElement);
    }

    /// <summary>The JSON document in the body of <paramref name="request"/>.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="example">A small example body, for the answers.</param>
    /// <param name="what">What the body is, e.g. "recommendation request".</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="ApiProblemException">415 when the body is not JSON; 413 when it is too large; 400 when it is malformed.</exception>
    public static async Task<JsonDocument> ReadAsync(HttpRequest request, string example, string what, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type)
            || !(type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status415UnsupportedMediaType, ProblemCode.JsonRequired, "Send JSON",
                $"Send the request as JSON with Content-Type: application/json, e.g. {example}.")
            {
                Errors = [FieldError.Text("Content-Type", "header", request.ContentType, "application/json")],
            });
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            return await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            string where = ex.LineNumber is { } line && ex.BytePositionInLine is { } position ? $" at line {line + 1}, byte {position + 1}" : "";
            throw new ApiProblemException(ApiProblem.InvalidRequest($"The body is not valid JSON: it is malformed or cut off{where}.",
                FieldError.Text(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, "body", null, $"a JSON object such as {example}")));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status413PayloadTooLarge, ProblemCode.BodyTooLarge, "Request too large",
                $"The body is larger than {MaxBodyBytes:N0} bytes, more than any {what} needs."));
        }
    }

    /// <summary>
    /// The known fields of object <paramref name="root"/> by name (case-insensitive; JSON nulls left out); unknown fields
    /// are added to <paramref name="errors"/>.
    /// </summary>
    /// <exception cref="ApiProblemException">400 when the body is not an object.</exception>
    public static Dictionary<string, JsonElement> Fields(JsonElement root, IReadOnlyList<string> fields, string example, List<FieldError> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ApiProblemException(ApiProblem.InvalidFields([new FieldError("$", "body", Echo(root), $"a JSON object such as {example}")]));
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            string? field = fields.FirstOrDefault(f => f.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                errors.Add(new FieldError(Path(property.Name), "body", Echo(property.Value), "no such field; the fields are " + string.Join(", ", fields)));
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                values[field] = property.Value;
            }
        }

        return values;
    }

    public static string[] Ids(Dictionary<string, JsonElement> values, string field, bool required, List<FieldError> errors)
    {
        if (!values.TryGetValue(field, out JsonElement value))
        {
            if (required)
            {
                errors.Add(new FieldError(Path(field), "body", null, "an array of 1 to 500 track ids (64 hexadecimal digits each)"));
            }

            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > RecommendationBody.MaxIds)
        {
            errors.Add(new FieldError(Path(field), "body", Echo(value), IdsAllowed));
            return [];
        }

        if (required && value.GetArrayLength() == 0)
        {
            errors.Add(new FieldError(Path(field), "body", Echo(value), "an array of 1 to 500 track ids: name at least one"));
            return [];
        }

        var ids = new List<string>();
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            string? text = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim().ToLowerInvariant() : null;
            if (text is null || !TrackId.IsValid(text))
            {
                errors.Add(new FieldError($"{Path(field)}[{index}]", "body", Echo(item), ApiProblem.TrackIdAllowed));
            }
            else if (!ids.Contains(text, StringComparer.Ordinal))
            {
                ids.Add(text);
            }

            index++;
        }

        return ids.ToArray();
    }

    public static int? Integer(Dictionary<string, JsonElement> values, string field, int min, int max, List<FieldError> errors)
    {
        if (!values.TryGetValue(field, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && number >= min && number <= max)
        {
            return number;
        }

        errors.Add(new FieldError(Path(field), "body", Echo(value), $"a whole number from {min} to {max}"));
        return null;
    }

    public static double? Number(Dictionary<string, JsonElement> values, string field, double min, double max, bool minExclusive, string allowed, List<FieldError> errors)
    {
        if (!values.TryGetValue(field, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number)
            && (minExclusive ? number > min : number >= min) && number <= max)
        {
            return number;
        }

        errors.Add(new FieldError(Path(field), "body", Echo(value), allowed));
        return null;
    }

    public static string Path(string field) => field.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"$.{field}" : $"$['{field.Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>The value as received, or a short account of it when it is long.</summary>
    public static JsonNode? Echo(JsonElement value)
    {
        string raw = value.GetRawText();
        if (raw.Length <= 100)
        {
            return JsonNode.Parse(raw);
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => JsonValue.Create(value.GetString()![..97] + "..."),
            JsonValueKind.Array => JsonValue.Create($"(an array of {value.GetArrayLength()} items)"),
            JsonValueKind.Object => JsonValue.Create($"(an object with {value.EnumerateObject().Count()} fields)"),
            _ => JsonValue.Create(raw[..97] + "..."),
        };
    }
}
