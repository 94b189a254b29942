using MusicEmotion.Server.OpenApi;
using MusicEmotion.Server.Security;

namespace MusicEmotion.Server.Api;

/// <summary>What several endpoints declare alike: the problems they document, the API key on writes, and a JSON request that names tracks.</summary>
internal static class EndpointConventions
{
    /// <summary>Documents a problem answer (RFC 9457) for each of <paramref name="statusCodes"/>.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (int statusCode in statusCodes)
        {
            builder.ProducesProblem(statusCode);
        }

        return builder;
    }

    /// <summary>A write that needs <c>X-Api-Key</c> when the service has a key: <see cref="ApiKeyFilter"/>, and the metadata the OpenAPI document lists the requirement from.</summary>
    public static RouteHandlerBuilder RequiresApiKey(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ApiKeyFilter>().WithMetadata(RequiresApiKeyMetadata.Instance);

    /// <summary>
    /// A POST whose JSON body, documented as <typeparamref name="TBody"/> and read with <see cref="JsonBody"/>, names
    /// tracks of the library (recommendations, journeys); its problems are answered by <see cref="ApiProblemFilter"/>:
    /// 400 a malformed body or wrong fields, 403 a write from another site, 409 a track analysed by another model, 413 too
    /// large, 415 not JSON, 422 an unknown track or nothing that fits (a <c>RecommendationException</c>, answered as <see cref="RecommendationProblems"/> says).
    /// </summary>
    public static RouteHandlerBuilder ReadsTrackRequest<TBody>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ApiProblemFilter>()
            .WithMetadata(new DocumentedJsonBody(typeof(TBody)))
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
}
