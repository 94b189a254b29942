using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MusicEmotion.Server.Security;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>
/// Writes are same-origin by default (Kestrel at 127.0.0.1): a page of another site cannot upload or delete (403
/// <c>cross-site</c>, answered before the body is read), the service answers only to its own Host names (no DNS
/// rebinding), and the OpenAPI document's servers come from the configuration, never from the request.
/// </summary>
public sealed class CrossSiteTests
{
    private static HttpRequestMessage Upload(byte[] audio, string? origin = null, string? fetchSite = null, string? host = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/tracks") { Content = UploadRequests.Form(audio) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return request;
    }

    [Fact]
    public async Task A_web_page_of_another_site_cannot_upload_or_delete_and_its_body_is_never_read()
    {
        using var factory = new ServerFactory();
        Uri address = factory.StartOnLoopback();
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        string own = address.GetLeftPart(UriPartial.Authority);

        // The file is held back: the refusal must come without it.
        SlowUpload.Outcome withheld = await SlowUpload.SendAsync(address, IPAddress.Loopback, 0, new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token,
            "Origin: https://evil.example", "Sec-Fetch-Site: cross-site");
        using HttpResponseMessage foreign = await client.SendAsync(Upload(TestAudio.Wav(2, seed: 1801), origin: "https://evil.example"));
        using HttpResponseMessage fetchSite = await client.SendAsync(Upload(TestAudio.Wav(2, seed: 1802), fetchSite: "cross-site"));
        using HttpResponseMessage opaque = await client.SendAsync(Upload(TestAudio.Wav(2, seed: 1803), origin: "null"));
        using HttpResponseMessage otherPort = await client.SendAsync(Upload(TestAudio.Wav(2, seed: 1804), origin: "http://127.0.0.1:1"));
        using HttpResponseMessage recommendations = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/recommendations")
        {
            Content = JsonContent.Create(new { liked = new[] { new string('a', 64) } }),
            Headers = { { "Origin", "https://evil.example" } },
        });

        withheld.Status.Should().Be(403, withheld.Body);
        withheld.Body.Should().Contain("\"code\":\"cross-site\"");
        withheld.BytesSent.Should().Be(0);
        JsonElement problem = await Problem.ShouldBeAsync(foreign, HttpStatusCode.Forbidden, "cross-site");
        problem.GetProperty("detail").GetString().Should().Contain("https://evil.example").And.Contain("MusicEmotion:AllowedOrigins");
        foreign.Headers.ConnectionClose.Should().BeTrue("the unread body is not drained");
        await Problem.ShouldBeAsync(fetchSite, HttpStatusCode.Forbidden, "cross-site");
        await Problem.ShouldBeAsync(opaque, HttpStatusCode.Forbidden, "cross-site");
        await Problem.ShouldBeAsync(otherPort, HttpStatusCode.Forbidden, "cross-site");
        await Problem.ShouldBeAsync(recommendations, HttpStatusCode.Forbidden, "cross-site");
        factory.StoredFiles().Should().BeEmpty();

        // The service's own page (same origin) and clients that are not browsers (no Origin) write as before.
        using HttpResponseMessage samePage = await client.SendAsync(Upload(TestAudio.Wav(2, seed: 1805), origin: own, fetchSite: "same-origin"));
        using HttpResponseMessage script = await client.SendAsync(Upload(TestAudio.Wav(2, seed: 1806)));
        samePage.StatusCode.Should().Be(HttpStatusCode.Created);
        script.StatusCode.Should().Be(HttpStatusCode.Created);
        string id = (await TrackJson.ReadAsync(samePage)).GetProperty("id").GetString()!;

        using HttpResponseMessage foreignDelete = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"api/tracks/{id}") { Headers = { { "Origin", "https://evil.example" } } });
        await Problem.ShouldBeAsync(foreignDelete, HttpStatusCode.Forbidden, "cross-site");
        (await client.GetAsync($"api/tracks/{id}")).StatusCode.Should().Be(HttpStatusCode.OK, "a refused deletion deletes nothing");
        using HttpResponseMessage ownDelete = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"api/tracks/{id}") { Headers = { { "Origin", own } } });
        ownDelete.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Another_host_name_is_refused_so_dns_rebinding_cannot_reach_the_service()
    {
        using var factory = new ServerFactory();
        Uri address = factory.StartOnLoopback();
        using var client = new HttpClient { BaseAddress = address };

        // What a page at evil.example sends once evil.example resolves to 127.0.0.1: its own name as Host, and as Origin.
        using HttpResponseMessage rebound = await client.SendAsync(Upload(TestAudio.Wav(2, seed: 1811), origin: $"http://evil.example:{address.Port}",
            fetchSite: "same-origin", host: $"evil.example:{address.Port}"));
        using HttpResponseMessage read = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/tracks") { Headers = { Host = "evil.example" } });
        using HttpResponseMessage localhost = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/tracks") { Headers = { Host = $"localhost:{address.Port}" } });

        JsonElement problem = await Problem.ShouldBeAsync(rebound, HttpStatusCode.BadRequest, "host-not-allowed");
        problem.GetProperty("detail").GetString().Should().Contain("AllowedHosts");
        problem.GetProperty("errors")[0].GetProperty("field").GetString().Should().Be("Host");
        await Problem.ShouldBeAsync(read, HttpStatusCode.BadRequest, "host-not-allowed");
        localhost.StatusCode.Should().Be(HttpStatusCode.OK);
        factory.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task Allowed_hosts_and_origins_are_configurable()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?>
        {
            ["AllowedHosts"] = "music.example;127.0.0.1",
            ["MusicEmotion:AllowedOrigins:0"] = "https://app.example",
        });
        Uri address = factory.StartOnLoopback();
        using var client = new HttpClient { BaseAddress = address };

        using HttpResponseMessage named = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/tracks") { Headers = { Host = "music.example" } });
        using HttpResponseMessage localhost = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/tracks") { Headers = { Host = "localhost" } });
        using HttpResponseMessage fromApp = await client.SendAsync(Upload(TestAudio.Wav(2, seed: 1821), origin: "https://app.example", fetchSite: "cross-site"));
        using HttpResponseMessage fromAppSameSite = await client.SendAsync(Upload(TestAudio.Wav(2, seed: 1822), origin: "https://app.example", fetchSite: "same-site"));

        named.StatusCode.Should().Be(HttpStatusCode.OK);
        await Problem.ShouldBeAsync(localhost, HttpStatusCode.BadRequest, "host-not-allowed");
        await Problem.ShouldBeAsync(fromApp, HttpStatusCode.Forbidden, "cross-site");
        fromAppSameSite.StatusCode.Should().Be(HttpStatusCode.Created, "an allowed origin may write when the browser does not call it cross-site");
    }

    [Fact]
    public async Task The_openapi_servers_come_from_the_configuration_never_from_the_request()
    {
        using var plain = new ServerFactory();
        using var configured = new ServerFactory(new Dictionary<string, string?>
        {
            ["MusicEmotion:PublicUrls:0"] = "https://music.example.com/",
            ["AllowedHosts"] = "*",
        });
        using var plainClient = new HttpClient { BaseAddress = plain.StartOnLoopback() };
        using var configuredClient = new HttpClient { BaseAddress = configured.StartOnLoopback() };

        string unnamed = await (await plainClient.SendAsync(new HttpRequestMessage(HttpMethod.Get, "openapi/v1.json") { Headers = { Host = "localhost" } })).Content.ReadAsStringAsync();
        string named = await (await configuredClient.SendAsync(new HttpRequestMessage(HttpMethod.Get, "openapi/v1.json") { Headers = { Host = "evil.example" } })).Content.ReadAsStringAsync();

        JsonDocument.Parse(unnamed).RootElement.TryGetProperty("servers", out _).Should().BeFalse("no server is named unless configured: paths are relative to the document");
        unnamed.Should().NotContain("localhost");
        JsonElement servers = JsonDocument.Parse(named).RootElement.GetProperty("servers");
        servers.EnumerateArray().Select(s => s.GetProperty("url").GetString()).Should().Equal("https://music.example.com");
        named.Should().NotContain("evil.example");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://*:80", false)]
    [InlineData("http://[::]:80", false)]
    [InlineData("http://music.example:80", false)]
    public void Listening_addresses_are_told_loopback_or_not(string address, bool loopback) => HostPolicy.IsLoopback(address).Should().Be(loopback);

    [Fact]
    public void The_default_host_names_follow_where_the_service_listens()
    {
        (string[] loopback, _) = HostPolicy.Decide(null, ["http://127.0.0.1:5080"], ["https://music.example.com/"]);
        (string[] everywhere, string reason) = HostPolicy.Decide(null, ["http://0.0.0.0:8080"], []);
        (string[] configured, _) = HostPolicy.Decide("a.example; b.example", ["http://0.0.0.0:8080"], []);
        (string[] unknown, _) = HostPolicy.Decide("", [], []);

        loopback.Should().Equal("localhost", "127.0.0.1", "[::1]", "music.example.com");
        everywhere.Should().Contain(["localhost", "127.0.0.1", "[::1]", System.Net.Dns.GetHostName().ToLowerInvariant()]).And.NotContain("*");
        reason.Should().Contain("AllowedHosts");
        configured.Should().Equal("a.example", "b.example");
        unknown.Should().Equal("localhost", "127.0.0.1", "[::1]");
    }
}
