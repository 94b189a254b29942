using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MusicEmotion.Server.Api;

namespace MusicEmotion.Server.OpenApi;

/// <summary>
/// Describes the upload's body as the form it is (one binary field named <c>file</c>): the endpoint reads the
/// multipart stream itself, so nothing in its signature tells the generator.
/// </summary>
internal sealed class UploadFormOperationTransformer : IOpenApiOperationTransformer
{
    /// <summary>The operation described.</summary>
    public const string OperationId = "UploadTrack";

    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId != OperationId)
        {
            return Task.CompletedTask;
        }

        var form = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { UploadReader.FieldName },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                [UploadReader.FieldName] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = "binary",
                    Description = "The audio file: MP3, WAV, FLAC, Ogg/Opus, MP4/M4A/AAC, AIFF, WMA, Matroska/WebM... (recognised by its content).",
                },
            },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One song as multipart/form-data.",
            Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = form } },
        };
        return Task.CompletedTask;
    }
}
