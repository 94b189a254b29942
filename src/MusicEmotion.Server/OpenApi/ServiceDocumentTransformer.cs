using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.Extensions.Options;
using MusicEmotion.Server.Configuration;
using MusicEmotion.Server.Security;

namespace MusicEmotion.Server.OpenApi;

/// <summary>
/// Describes the service in the OpenAPI document: title, description, the API key scheme of the write endpoints, and
/// the servers — <see cref="ServerOptions.PublicUrls"/> from the configuration, never the request's Host (which a client
/// chooses); none when unset, so the paths are relative to where the document was read.
/// </summary>
internal sealed class ServiceDocumentTransformer(IOptions<ServerOptions> options) : IOpenApiDocumentTransformer
{
    /// <summary>The scheme's name in the document.</summary>
    public const string SchemeName = "ApiKey";

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "MusicEmotion",
            Version = "v1",
            Description = "Upload songs and get their arousal and valence for every second, statistics, a description and a plot; "
                + "play them; and get recommendations with explanations. Errors are application/problem+json with a stable 'code'. See docs/server.md.",
        };
        document.Servers = options.Value.PublicUrls.Select(url => new OpenApiServer { Url = url.TrimEnd('/') }).ToList();
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyFilter.HeaderName,
            Description = "Needed by uploads and deletions when the service is configured with MusicEmotion:ApiKey.",
        };
        return Task.CompletedTask;
    }
}
