using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MusicEmotion.Server.Security;

namespace MusicEmotion.Server.OpenApi;

/// <summary>Lists the API key requirement on the operations guarded by <see cref="ApiKeyFilter"/>.</summary>
internal sealed class ApiKeyOperationTransformer : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiresApiKeyMetadata>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ServiceDocumentTransformer.SchemeName, context.Document)] = [],
            });
        }

        return Task.CompletedTask;
    }
}
