using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MusicEmotion.Server.Api;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>
/// Problems for bad requests name each wrong field (a JSON path or a parameter's name), the value received and what is
/// allowed (RFC 9457 with <c>errors</c>); no answer names a .NET type; every code the service answers is in docs/server.md.
/// </summary>
public sealed partial class ProblemTests(LibraryServer library) : IClassFixture<LibraryServer>
{
    private HttpClient Client => library.Client;

    [Fact]
    public async Task A_wrong_recommendation_body_names_every_wrong_field_its_value_and_what_is_allowed()
    {
        using HttpResponseMessage response = await Client.PostAsJsonAsync("/api/recommendations", new
        {
            liked = new object[] { library.Ids[0], "not-an-id", 42 },
            k = "ten",
            diversity = 1.5,
            similarity = "Loudness",
            likes = new[] { library.Ids[1] },
        });

        JsonElement problem = await Problem.ShouldBeAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Dictionary<string, JsonElement> errors = problem.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("field").GetString()!);
        errors.Keys.Should().BeEquivalentTo("$.liked[1]", "$.liked[2]", "$.k", "$.diversity", "$.similarity", "$.likes");
        errors.Values.Should().OnlyContain(e => e.GetProperty("in").GetString() == "body" && e.GetProperty("allowed").GetString()!.Length > 5);
        errors["$.liked[1]"].GetProperty("value").GetString().Should().Be("not-an-id");
        errors["$.liked[1]"].GetProperty("allowed").GetString().Should().Contain("64 hexadecimal digits");
        errors["$.liked[2]"].GetProperty("value").GetInt32().Should().Be(42);
        errors["$.k"].GetProperty("value").GetString().Should().Be("ten");
        errors["$.k"].GetProperty("allowed").GetString().Should().Be("a whole number from 1 to 1000");
        errors["$.diversity"].GetProperty("value").GetDouble().Should().Be(1.5);
        errors["$.similarity"].GetProperty("allowed").GetString().Should().Contain("Combined").And.Contain("EmotionalArc");
        errors["$.likes"].GetProperty("allowed").GetString().Should().Contain("liked, disliked");
        problem.GetProperty("detail").GetString().Should().Contain("6 fields are wrong").And.Contain("$.k");
    }

    [Fact]
    public async Task Liked_and_disliked_at_once_and_negative_or_inverted_durations_are_400()
    {
        string id = library.Ids[0];

        JsonElement both = await Problem.ShouldBeAsync(await Client.PostAsJsonAsync("/api/recommendations", new { liked = new[] { id }, disliked = new[] { library.Ids[1], id.ToUpperInvariant() } }),
            HttpStatusCode.BadRequest, "invalid-request");
        JsonElement negative = await Problem.ShouldBeAsync(await Client.PostAsJsonAsync("/api/recommendations", new { liked = new[] { id }, maxDurationSeconds = -5, minDurationSeconds = -1 }),
            HttpStatusCode.BadRequest, "invalid-request");
        JsonElement inverted = await Problem.ShouldBeAsync(await Client.PostAsJsonAsync("/api/recommendations", new { liked = new[] { id }, minDurationSeconds = 300, maxDurationSeconds = 120 }),
            HttpStatusCode.BadRequest, "invalid-request");
        JsonElement missing = await Problem.ShouldBeAsync(await Client.PostAsJsonAsync("/api/recommendations", new { k = 3 }), HttpStatusCode.BadRequest, "invalid-request");

        both.GetProperty("errors").EnumerateArray().Single().GetProperty("field").GetString().Should().Be("$.disliked[1]");
        both.GetProperty("errors")[0].GetProperty("allowed").GetString().Should().Contain("not also in liked");
        negative.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Should().BeEquivalentTo("$.maxDurationSeconds", "$.minDurationSeconds");
        inverted.GetProperty("errors")[0].GetProperty("field").GetString().Should().Be("$.minDurationSeconds");
        inverted.GetProperty("errors")[0].GetProperty("allowed").GetString().Should().Contain("at most maxDurationSeconds (120)");
        missing.GetProperty("errors")[0].GetProperty("field").GetString().Should().Be("$.liked");
        missing.GetProperty("errors")[0].GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Wrong_query_parameters_and_path_ids_are_named_with_their_values()
    {
        JsonElement list = await Problem.ShouldBeAsync(await Client.GetAsync("/api/tracks?offset=-3&limit=lots"), HttpStatusCode.BadRequest, "invalid-request");
        JsonElement similar = await Problem.ShouldBeAsync(await Client.GetAsync($"/api/tracks/{library.Ids[0]}/similar?k=0&similarity=loud"), HttpStatusCode.BadRequest, "invalid-request");
        JsonElement id = await Problem.ShouldBeAsync(await Client.GetAsync("/api/tracks/12345"), HttpStatusCode.BadRequest, "invalid-track-id");

        list.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("in").GetString(), e.GetProperty("value").GetString()))
            .Should().BeEquivalentTo([("offset", "query", "-3"), ("limit", "query", "lots")]);
        list.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "limit").GetProperty("allowed").GetString()
            .Should().Be("a whole number from 1 to 1000");
        similar.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Should().BeEquivalentTo("k", "similarity");
        id.GetProperty("errors")[0].GetProperty("field").GetString().Should().Be("id");
        id.GetProperty("errors")[0].GetProperty("in").GetString().Should().Be("path");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_and_one_that_is_not_valid_json_says_where()
    {
        using var text = new StringContent("{\"liked\": []}", Encoding.UTF8, "text/plain");
        using var broken = new StringContent("{\"liked\": [\"a\",", Encoding.UTF8, "application/json");

        JsonElement unsupported = await Problem.ShouldBeAsync(await Client.PostAsync("/api/recommendations", text), HttpStatusCode.UnsupportedMediaType, "json-required");
        JsonElement malformed = await Problem.ShouldBeAsync(await Client.PostAsync("/api/recommendations", broken), HttpStatusCode.BadRequest, "invalid-request");

        unsupported.GetProperty("errors")[0].GetProperty("field").GetString().Should().Be("Content-Type");
        unsupported.GetProperty("errors")[0].GetProperty("value").GetString().Should().StartWith("text/plain");
        malformed.GetProperty("detail").GetString().Should().Contain("not valid JSON").And.Contain("line 1");
    }

    [Fact]
    public async Task No_answer_names_a_dotnet_type()
    {
        string id = library.Ids[0];
        HttpRequestMessage[] requests =
        [
            Post("/api/recommendations", "{\"liked\": 5}"),
            Post("/api/recommendations", "{\"liked\": [\"" + id + "\"], \"k\": 1.5, \"diversity\": \"high\", \"similarity\": 3}"),
            Post("/api/recommendations", "[1, 2]"),
            Post("/api/recommendations", "{\"liked\": [\"" + id + "\"], \"exclude\": {\"a\": 1}}"),
            Post("/api/recommendations", new string('[', 100) + new string(']', 100)),
            Post("/api/recommendations", "{\"liked\": [\"" + id + "\"], \"k\": 99999999999999999999}"),
            Post("/api/recommendations", "{\"liked\": [\"" + id + "\"]}", "application/xml"),
            Post("/api/recommendations", "{\"liked\": [\"" + new string('f', 64) + "\"]}"),
            Post("/api/recommendations", "{\"liked\": [\"" + string.Join("\",\"", Enumerable.Repeat(id, 600)) + "\"]}"),
            new(HttpMethod.Get, "/api/tracks?limit=1e3"),
            new(HttpMethod.Get, "/api/tracks?offset=99999999999999"),
            new(HttpMethod.Get, $"/api/tracks/{id}/similar?k=&similarity=%00"),
            new(HttpMethod.Get, "/api/tracks/%2e%2e%2fetc%2fpasswd"),
            new(HttpMethod.Get, "/api/nothing"),
            new(HttpMethod.Patch, "/api/tracks"),
            new(HttpMethod.Post, "/api/tracks") { Content = new StringContent("plain", Encoding.UTF8, "text/plain") },
            new(HttpMethod.Post, "/api/tracks") { Content = new StringContent("--x\r\nbroken", Encoding.UTF8, "multipart/form-data") },
        ];

        foreach (HttpRequestMessage request in requests)
        {
            using HttpResponseMessage response = await Client.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).Should().BeInRange(400, 499, $"{request.Method} {request.RequestUri}: {body}");
            body.Should().NotMatchRegex(TypeName(), $"{request.Method} {request.RequestUri} answered: {body}");
            JsonDocument.Parse(body).RootElement.GetProperty("code").GetString().Should().BeOneOf(Codes(), body);
        }
    }

    [Fact]
    public void Every_code_the_service_answers_is_in_the_table_of_docs_server_md()
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "server.md"));
        int table = docs.IndexOf("### Error codes", StringComparison.Ordinal);
        table.Should().BeGreaterThan(0, "docs/server.md has an 'Error codes' section");
        string section = docs[table..];
        int next = section.IndexOf("\n#", 5, StringComparison.Ordinal);
        section = next > 0 ? section[..next] : section;
        string[] documented = section.Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| Status", StringComparison.Ordinal))
            .SelectMany(line => CodeCell().Matches(line.Split('|')[2]).Select(m => m.Groups[1].Value))
            .ToArray();

        documented.Should().OnlyHaveUniqueItems();
        documented.Should().BeEquivalentTo(Codes(), "the table lists exactly the codes of ProblemCode");
    }

    private static string[] Codes() => typeof(ProblemCode).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static HttpRequestMessage Post(string path, string body, string type = "application/json") =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, type) };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MusicEmotion.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (MusicEmotion.sln) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b(System|Microsoft|MusicEmotion)\.[A-Z]|\b(Int32|Int64|Double|Single|Boolean|Nullable|IReadOnlyList|IEnumerable|SimilarityKind|RecommendationBody|JsonElement)\b|Failed to (read|bind) parameter")]
    private static partial Regex TypeName();

    [GeneratedRegex("`([a-z0-9-]+)`")]
    private static partial Regex CodeCell();
}
