using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>HEAD answers every GET endpoint (Kestrel at 127.0.0.1): the same status and headers as GET, and no body.</summary>
public sealed class HeadTests
{
    [Fact]
    public async Task Every_get_endpoint_answers_head_with_the_same_headers_and_no_body()
    {
        using var factory = new ServerFactory();
        using var client = new HttpClient { BaseAddress = factory.StartOnLoopback() };
        using HttpResponseMessage created = await UploadRequests.PostAsync(client, TestAudio.Wav(4, seed: 2001), "head.wav");
        await UploadRequests.PostAsync(client, TestAudio.Wav(4, seed: 2002), "other.wav");
        string id = (await TrackJson.ReadAsync(created)).GetProperty("id").GetString()!;

        // Every GET route the service maps (so that a new one is covered too), with the track's id filled in; and the page's files.
        string[] routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToArray();
        routes.Should().Contain(["/api/tracks/{id}/audio", "/health", "/openapi/{documentName}.json"]);
        routes.Should().OnlyContain(r => r.Count(c => c == '{') <= 1 && (!r.Contains('{') || r.Contains("{id}") || r.Contains("{documentName}")),
            "every route parameter must be filled in below");
        string[] paths = [.. routes.Select(r => r.Replace("{id}", id).Replace("{documentName}", "v1")), "/", "/js/app.js", "/css/app.css", "/api/tracks/" + new string('0', 64)];

        foreach (string path in paths)
        {
            using HttpResponseMessage get = await client.GetAsync(path.TrimStart('/'));
            using HttpResponseMessage head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path.TrimStart('/')));
            byte[] getBody = await get.Content.ReadAsByteArrayAsync();
            byte[] headBody = await head.Content.ReadAsByteArrayAsync();

            head.StatusCode.Should().Be(get.StatusCode, path);
            headBody.Should().BeEmpty(path);
            getBody.Should().NotBeEmpty(path);
            Headers(head).Should().BeEquivalentTo(Headers(get), path);
            head.Content.Headers.ContentType?.ToString().Should().Be(get.Content.Headers.ContentType?.ToString(), path);
            if (head.Content.Headers.ContentLength is > 0 and var headLength && get.Headers.ETag is not { IsWeak: true })
            {
                headLength.Should().Be(getBody.Length, $"{path}: HEAD may leave Content-Length out, but when it sends one it is GET's (a weak ETag allows other bytes)");
            }
        }

        (await client.PutAsync("api/tracks", new StringContent(""))).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed, "other methods are still refused");
    }

    /// <summary>The headers that must match (the date and the framing of the body may differ).</summary>
    private static Dictionary<string, string> Headers(HttpResponseMessage response) => response.Headers
        .Where(h => h.Key is not ("Date" or "Transfer-Encoding"))
        .ToDictionary(h => h.Key, h => string.Join(",", h.Value));
}
