using System.Net;
using System.Text.Json;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>The OpenAPI document, /health, /api/server, the page's files, security headers and errors outside the API.</summary>
public sealed class ServiceTests(DefaultServer server) : IClassFixture<DefaultServer>
{
    private HttpClient Client => server.Client;

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint_the_upload_form_and_the_api_key()
    {
        JsonElement doc = await TrackJson.ReadAsync(await Client.GetAsync("/openapi/v1.json"));

        doc.GetProperty("openapi").GetString().Should().StartWith("3.");
        JsonElement paths = doc.GetProperty("paths");
        string[] operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToArray();
        operations.Should().BeEquivalentTo(
            "POST /api/tracks", "GET /api/tracks", "GET /api/tracks/{id}", "DELETE /api/tracks/{id}", "GET /api/tracks/{id}/timeline.csv",
            "GET /api/tracks/{id}/plot.png", "GET /api/tracks/{id}/audio", "GET /api/tracks/{id}/notes.mid", "GET /api/tracks/{id}/harmony", "GET /api/tracks/{id}/similar", "GET /api/tracks/{id}/audio-features", "POST /api/recommendations", "POST /api/journeys",
            "GET /api/server", "GET /health");
        JsonElement upload = paths.GetProperty("/api/tracks").GetProperty("post");
        JsonElement form = upload.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        form.GetProperty("properties").GetProperty("file").GetProperty("format").GetString().Should().Be("binary");
        upload.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["201", "200", "400", "401", "413", "415", "422", "503"]);
        upload.GetProperty("security")[0].TryGetProperty("ApiKey", out _).Should().BeTrue();
        paths.GetProperty("/api/tracks/{id}").GetProperty("delete").GetProperty("security")[0].TryGetProperty("ApiKey", out _).Should().BeTrue();
        paths.GetProperty("/api/tracks").GetProperty("get").TryGetProperty("security", out _).Should().BeFalse();
        paths.GetProperty("/api/tracks/{id}/notes.mid").GetProperty("get").GetProperty("responses").EnumerateObject().Select(r => r.Name)
            .Should().Contain(["200", "304", "400", "404", "422", "503"]);
        paths.GetProperty("/api/tracks/{id}/harmony").GetProperty("get").GetProperty("responses").EnumerateObject().Select(r => r.Name)
            .Should().Contain(["200", "304", "400", "404", "422", "503"]);
        JsonElement scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        scheme.GetProperty("name").GetString().Should().Be("X-Api-Key");
        doc.GetProperty("components").GetProperty("schemas").TryGetProperty("TrackResponse", out _).Should().BeTrue();
        doc.TryGetProperty("servers", out _).Should().BeFalse("servers come from MusicEmotion:PublicUrls only");

        // The endpoints that check their own input still describe it: the recommendation body and the query parameters' types and ranges.
        JsonElement recommend = paths.GetProperty("/api/recommendations").GetProperty("post");
        recommend.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).Should().BeTrue();
        recommend.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "400", "403", "409", "413", "415", "422"]);
        JsonElement limit = paths.GetProperty("/api/tracks").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "limit").GetProperty("schema");
        limit.GetProperty("type").ToString().Should().Contain("integer");
        limit.GetProperty("maximum").GetRawText().Should().Be("1000");
        upload.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["403", "408", "429"]);
    }

    [Fact]
    public async Task Health_reports_catalog_storage_and_analysis()
    {
        using HttpResponseMessage response = await Client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement health = await TrackJson.ReadAsync(response);
        health.GetProperty("status").GetString().Should().Be("Healthy");
        JsonElement checks = health.GetProperty("checks");
        checks.EnumerateObject().Select(c => c.Name).Should().BeEquivalentTo("catalog", "storage", "analysis");
        checks.GetProperty("analysis").GetProperty("data").GetProperty("maxPendingUploads").GetInt32().Should().Be(32);
        checks.GetProperty("storage").GetProperty("data").GetProperty("tracksWithoutAudio").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Server_info_gives_the_model_and_the_limits()
    {
        JsonElement info = await TrackJson.ReadAsync(await Client.GetAsync("/api/server"));

        info.GetProperty("modelName").GetString().Should().NotBeNullOrWhiteSpace();
        info.GetProperty("writesRequireApiKey").GetBoolean().Should().BeFalse();
        info.GetProperty("maxUploadBytes").GetInt64().Should().Be(100L * 1024 * 1024);
        info.GetProperty("maxDurationSeconds").GetDouble().Should().Be(1800);
    }

    [Fact]
    public async Task The_page_and_its_files_are_served_with_a_strict_content_security_policy()
    {
        using HttpResponseMessage page = await Client.GetAsync("/");
        string html = await page.Content.ReadAsStringAsync();

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("<script type=\"module\" src=\"js/app.js\"></script>").And.NotContain("<script>");
        string csp = page.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe");
        page.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        foreach (string file in new[] { "/js/app.js", "/js/charts.js", "/js/api.js", "/js/uploads.js", "/js/format.js", "/js/icons.js", "/js/preferences.js" })
        {
            using HttpResponseMessage script = await Client.GetAsync(file);
            script.StatusCode.Should().Be(HttpStatusCode.OK, file);
            script.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript", file);
        }

        (await Client.GetAsync("/css/app.css")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Client.GetAsync("/favicon.svg")).Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
    }

    [Fact]
    public async Task Errors_outside_the_api_are_problem_details_too()
    {
        await Problem.ShouldBeAsync(await Client.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound, "not-found");
        await Problem.ShouldBeAsync(await Client.PutAsync("/api/tracks", new StringContent("")), HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }
}
