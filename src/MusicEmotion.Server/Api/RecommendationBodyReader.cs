using System.Text.Json;
using MusicEmotion.Recommend.Recommending;

namespace MusicEmotion.Server.Api;

/// <summary>
/// Reads the body of <c>POST /api/recommendations</c> (<see cref="RecommendationBody"/>) field by field (<see cref="JsonBody"/>),
/// so that a wrong request is answered with every wrong field named. Unknown fields are refused too (a misspelt
/// <c>"likes"</c> would otherwise be ignored silently).
/// </summary>
internal static class RecommendationBodyReader
{
    private const string Example = "{\"liked\": [\"<track id>\"], \"k\": 10}";

    private static readonly string[] Fields = ["liked", "disliked", "exclude", "k", "diversity", "similarity", "minDurationSeconds", "maxDurationSeconds"];

    /// <summary>The request in the body of <paramref name="request"/>.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="maxResults">Largest k allowed.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="ApiProblemException">415 when the body is not JSON; 413 when it is too large; 400 naming every wrong field.</exception>
    public static Task<RecommendationRequest> ReadAsync(HttpRequest request, int maxResults, CancellationToken cancellationToken) =>
        JsonBody.ReadAsync(request, Example, "recommendation request", root => Read(root, maxResults), cancellationToken);

    /// <summary>The request in <paramref name="root"/>, or the problem naming every wrong field.</summary>
    internal static RecommendationRequest Read(JsonElement root, int maxResults)
    {
        var errors = new List<FieldError>();
        Dictionary<string, JsonElement> values = JsonBody.Fields(root, Fields, Example, errors);

        string[] liked = JsonBody.Ids(values, "liked", required: true, errors);
        string[] disliked = JsonBody.Ids(values, "disliked", required: false, errors);
        string[] excluded = JsonBody.Ids(values, "exclude", required: false, errors);
        int? k = JsonBody.Integer(values, "k", 1, maxResults, errors);
        double? diversity = JsonBody.Number(values, "diversity", 0, 1, minExclusive: false, "a number from 0 (by similarity alone) to 1 (most varied)", errors);
        SimilarityKind? similarity = Similarity(values, errors);
        (double? least, double? most) = TrackSelectionFields.DurationBounds(values, errors);
        TrackSelectionFields.RefuseLikedAndDisliked(liked, disliked, errors);

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

        errors.Add(new FieldError("$.similarity", "body", JsonBody.Echo(value), QueryValues.SimilarityAllowed));
        return null;
    }

}
