using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Server.Api;

/// <summary>
/// Reads the body of <c>POST /api/recommendations</c> (<see cref="RecommendationBody"/>) field by field, so that a wrong
/// request is answered with every wrong field named by its JSON path, the value received and what is allowed — never
/// with the names of the service's types. Unknown fields are refused too (a misspelt <c>"likes"</c> would otherwise be
/// ignored silently).
/// </summary>
internal static class RecommendationBodyReader
{
    /// <summary>Largest body read (500 ids in each of three lists fit many times over).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    private const string IdsAllowed = "an array of at most 500 track ids (64 hexadecimal digits each)";

    private static readonly string[] Fields = ["liked", "disliked", "exclude", "k", "diversity", "similarity", "minDurationSeconds", "maxDurationSeconds"];

    /// <summary>The request in the body of <paramref name="request"/>.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="maxResults">Largest k allowed.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="ApiProblemException">415 when the body is not JSON; 413 when it is too large; 400 naming every wrong field.</exception>
    public static async Task<RecommendationRequest> ReadAsync(HttpRequest request, int maxResults, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type)
            || !(type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status415UnsupportedMediaType, ProblemCode.JsonRequired, "Send JSON",
                "Send the request as JSON with Content-Type: application/json, e.g. {\"liked\": [\"<track id>\"], \"k\": 10}.")
            {
                Errors = [FieldError.Text("Content-Type", "header", request.ContentType, "application/json")],
            });
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            string where = ex.LineNumber is { } line && ex.BytePositionInLine is { } position ? $" at line {line + 1}, byte {position + 1}" : "";
            throw new ApiProblemException(ApiProblem.InvalidRequest($"The body is not valid JSON: it is malformed or cut off{where}.",
                FieldError.Text(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, "body", null, "a JSON object such as {\"liked\": [\"<track id>\"], \"k\": 10}")));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status413PayloadTooLarge, ProblemCode.BodyTooLarge, "Request too large",
                $"The body is larger than {MaxBodyBytes:N0} bytes, more than any recommendation request needs."));
        }

        using (document)
        {
            return Read(document.RootElement, maxResults);
        }
    }

    /// <summary>The request in <paramref name="root"/>, or the problem naming every wrong field.</summary>
    internal static RecommendationRequest Read(JsonElement root, int maxResults)
    {
        var errors = new List<FieldError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ApiProblemException(ApiProblem.InvalidFields(
                [new FieldError("$", "body", Echo(root), "a JSON object such as {\"liked\": [\"<track id>\"], \"k\": 10}")]));
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            string? field = Fields.FirstOrDefault(f => f.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                errors.Add(new FieldError(Path(property.Name), "body", Echo(property.Value), "no such field; the fields are " + string.Join(", ", Fields)));
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                values[field] = property.Value;
            }
        }

        string[] liked = Ids(values, "liked", required: true, errors);
        string[] disliked = Ids(values, "disliked", required: false, errors);
        string[] excluded = Ids(values, "exclude", required: false, errors);
        int? k = Integer(values, "k", 1, maxResults, errors);
        double? diversity = Number(values, "diversity", 0, 1, minExclusive: false, "a number from 0 (by similarity alone) to 1 (most varied)", errors);
        SimilarityKind? similarity = Similarity(values, errors);
        double? least = Number(values, "minDurationSeconds", 0, double.MaxValue, minExclusive: false, "a number of seconds, 0 or more", errors);
        double? most = Number(values, "maxDurationSeconds", 0, double.MaxValue, minExclusive: true, "a number of seconds, more than 0", errors);
        if (least is { } low && most is { } high && low > high)
        {
            errors.Add(new FieldError("$.minDurationSeconds", "body", JsonValue.Create(low), $"at most maxDurationSeconds ({high})"));
        }

        var likedSet = new HashSet<string>(liked, StringComparer.Ordinal);
        for (int i = 0; i < disliked.Length; i++)
        {
            if (likedSet.Contains(disliked[i]))
            {
                errors.Add(FieldError.Text($"$.disliked[{i}]", "body", disliked[i], "a track that is not also in liked (a track is liked or disliked, not both)"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ApiProblemException(ApiProblem.InvalidFields(errors));
        }

        return new RecommendationRequest
        {
            Liked = liked,
            Disliked = disliked,
            ExcludeIds = excluded,
            K = k ?? 10,
            Diversity = diversity,
            Similarity = similarity ?? SimilarityKind.Combined,
            MinDurationSeconds = least,
            MaxDurationSeconds = most,
        };
    }

    private static string[] Ids(Dictionary<string, JsonElement> values, string field, bool required, List<FieldError> errors)
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

    private static int? Integer(Dictionary<string, JsonElement> values, string field, int min, int max, List<FieldError> errors)
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

    private static double? Number(Dictionary<string, JsonElement> values, string field, double min, double max, bool minExclusive, string allowed, List<FieldError> errors)
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

    private static SimilarityKind? Similarity(Dictionary<string, JsonElement> values, List<FieldError> errors)
    {
        if (!values.TryGetValue("similarity", out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && QueryValues.ParseSimilarity(value.GetString()) is { } kind)
        {
            return kind;
        }

        errors.Add(new FieldError("$.similarity", "body", Echo(value), QueryValues.SimilarityAllowed));
        return null;
    }

    private static string Path(string field) => field.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"$.{field}" : $"$['{field.Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>The value as received, or a short account of it when it is long.</summary>
    private static JsonNode? Echo(JsonElement value)
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
