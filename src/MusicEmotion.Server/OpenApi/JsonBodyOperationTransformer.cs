using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MusicEmotion.Server.OpenApi;

/// <summary>
/// Describes a JSON body that an endpoint reads itself (to answer a wrong one field by field) rather than through
/// parameter binding: the endpoint carries <see cref="DocumentedJsonBody"/>, and the document gets the body's schema.
/// Declaring it with <c>Accepts</c> instead would make routing refuse other content types before the endpoint could
/// say what is wrong.
/// </summary>
internal sealed class JsonBodyOperationTransformer : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedJsonBody>().FirstOrDefault() is not { } body)
        {
            return;
        }

        OpenApiSchema schema = await context.GetOrCreateSchemaAsync(body.Type, cancellationToken: cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }
}

/// <summary>Marks an endpoint that reads a JSON body of <paramref name="Type"/> itself (see <see cref="JsonBodyOperationTransformer"/>).</summary>
/// <param name="Type">The body's type, as documented.</param>
internal sealed record DocumentedJsonBody(Type Type);
