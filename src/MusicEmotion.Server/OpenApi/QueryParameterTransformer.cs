using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MusicEmotion.Server.Api;

namespace MusicEmotion.Server.OpenApi;

/// <summary>
/// Describes the query parameters the endpoints read as text and check themselves (so that a wrong value is answered
/// with the parameter's name and what is allowed): their type, range and default.
/// </summary>
internal sealed class QueryParameterTransformer : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (IOpenApiParameter parameter in operation.Parameters ?? [])
        {
            if (parameter is not OpenApiParameter { In: ParameterLocation.Query } query)
            {
                continue;
            }

            query.Schema = query.Name switch
            {
                "offset" => Integer(0, null, 0, "Tracks to skip, in the order they were added."),
                "limit" => Integer(1, TrackEndpoints.MaxPageSize, TrackEndpoints.DefaultPageSize, "Tracks per page."),
                "k" => Integer(1, 1000, 10, "How many tracks to return."),
                "similarity" => new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [JsonValue.Create("Combined"), JsonValue.Create("EmotionalArc")],
                    Default = JsonValue.Create("Combined"),
                    Description = "How tracks are compared: Combined (sound and emotion) or EmotionalArc (the shape of the emotion curves).",
                },
                _ => query.Schema,
            };
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Integer(int minimum, int? maximum, int fallback, string description) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = JsonValue.Create(fallback),
        Description = description,
    };
}
