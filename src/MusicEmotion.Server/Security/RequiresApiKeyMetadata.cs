namespace MusicEmotion.Server.Security;

/// <summary>Marks an endpoint guarded by <see cref="ApiKeyFilter"/> (read by the OpenAPI document to list the requirement).</summary>
internal sealed class RequiresApiKeyMetadata
{
    /// <summary>The shared instance.</summary>
    public static RequiresApiKeyMetadata Instance { get; } = new();
}
