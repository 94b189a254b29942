using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MusicEmotion.Server.OpenApi;

/// <summary>Keeps the HEAD twins of the GET endpoints (<c>HeadRequests</c>) out of the OpenAPI document: HEAD is GET without the body.</summary>
internal sealed class HeadOperationsRemover : IOpenApiDocumentTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (IOpenApiPathItem path in document.Paths.Values)
        {
            if (path is OpenApiPathItem item && item.Operations is { } operations)
            {
                operations.Remove(HttpMethod.Head);
            }
        }

        return Task.CompletedTask;
    }
}
