namespace MusicEmotion.Server.Hosting;

/// <summary>
/// HEAD for every GET endpoint (RFC 9110: the same status and headers as GET, no body): a convention that adds HEAD to
/// the methods of each GET endpoint in a group. The server sends no body for HEAD (the endpoint's bytes are discarded, file
/// results skip the file), and the OpenAPI document keeps listing the GET operation only.
/// </summary>
internal static class HeadRequests
{
    /// <summary>Adds HEAD to every GET endpoint of <paramref name="group"/>.</summary>
    public static TBuilder WithHeadForGets<TBuilder>(this TBuilder group)
        where TBuilder : IEndpointConventionBuilder
    {
        group.Finally(endpoint =>
        {
            for (int i = 0; i < endpoint.Metadata.Count; i++)
            {
                if (endpoint.Metadata[i] is HttpMethodMetadata methods && methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
                {
                    endpoint.Metadata[i] = new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight);
                }
            }
        });
        return group;
    }
}
