using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>POST /api/recommendations and GET /api/tracks/{id}/similar.</summary>
public sealed class RecommendationTests(LibraryServer library) : IClassFixture<LibraryServer>
{
    private HttpClient Client => library.Client;

    [Fact]
    public async Task Liking_one_song_recommends_the_others_with_scores_and_explanations()
    {
        using HttpResponseMessage response = await Client.PostAsJsonAsync("/api/recommendations", new { liked = new[] { library.Ids[0] }, k = 10, diversity = 0.3 });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        JsonElement result = await TrackJson.ReadAsync(response);
        JsonElement[] items = result.GetProperty("items").EnumerateArray().ToArray();
        items.Select(i => i.GetProperty("id").GetString()).Should().BeEquivalentTo([library.Ids[1], library.Ids[2]]);
        result.GetProperty("diversity").GetDouble().Should().Be(0.3);
        items.Select(i => i.GetProperty("score").GetDouble()).Should().BeInDescendingOrder("the list is in the order of its scores");
        foreach (JsonElement item in items)
        {
            double score = item.GetProperty("score").GetDouble(), relevance = item.GetProperty("relevance").GetDouble();
            score.Should().BeInRange(0, 1);
            relevance.Should().BeInRange(0, 1);
            score.Should().BeApproximately(relevance + item.GetProperty("diversityContribution").GetDouble(), 2e-4, "the score is the relevance plus what diversity changed");
            item.GetProperty("explanation").GetString().Should().NotBeNullOrWhiteSpace();
            item.GetProperty("closestLikedId").GetString().Should().Be(library.Ids[0]);
            item.GetProperty("blocks").GetArrayLength().Should().BeGreaterThan(0);
            item.GetProperty("links").GetProperty("audio").GetString().Should().EndWith("/audio");
        }

        result.GetProperty("searchedTracks").GetInt32().Should().Be(3);
        result.GetProperty("similarity").GetString().Should().Be("Combined");
    }

    [Fact]
    public async Task Disliked_songs_are_never_returned()
    {
        JsonElement result = await TrackJson.ReadAsync(await Client.PostAsJsonAsync("/api/recommendations",
            new { liked = new[] { library.Ids[0] }, disliked = new[] { library.Ids[2] }, similarity = "EmotionalArc" }));

        result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Should().Equal(library.Ids[1]);
        result.GetProperty("similarity").GetString().Should().Be("EmotionalArc");
    }

    [Fact]
    public async Task Similar_lists_the_other_songs()
    {
        JsonElement result = await TrackJson.ReadAsync(await Client.GetAsync($"/api/tracks/{library.Ids[1]}/similar?k=1"));

        result.GetProperty("items").GetArrayLength().Should().Be(1);
        result.GetProperty("items")[0].GetProperty("id").GetString().Should().BeOneOf(library.Ids[0], library.Ids[2]);
    }

    [Fact]
    public async Task Bad_requests_are_problems_that_say_what_is_wrong()
    {
        await Problem.ShouldBeAsync(await Client.PostAsJsonAsync("/api/recommendations", new { liked = Array.Empty<string>() }), HttpStatusCode.BadRequest, "invalid-request");
        await Problem.ShouldBeAsync(await Client.PostAsJsonAsync("/api/recommendations", new { liked = new[] { library.Ids[0] }, k = 0 }), HttpStatusCode.BadRequest, "invalid-request");
        await Problem.ShouldBeAsync(await Client.PostAsJsonAsync("/api/recommendations", new { liked = new[] { "xyz" } }), HttpStatusCode.BadRequest, "invalid-request");
        JsonElement unknown = await Problem.ShouldBeAsync(await Client.PostAsJsonAsync("/api/recommendations", new { liked = new[] { new string('b', 64) } }),
            HttpStatusCode.UnprocessableEntity, "unknown-track");
        unknown.GetProperty("trackId").GetString().Should().Be(new string('b', 64));
        await Problem.ShouldBeAsync(await Client.GetAsync($"/api/tracks/{new string('c', 64)}/similar"), HttpStatusCode.NotFound, "track-not-found");
        await Problem.ShouldBeAsync(await Client.GetAsync($"/api/tracks/{library.Ids[0]}/similar?k=5000"), HttpStatusCode.BadRequest, "invalid-request");

        using var broken = new StringContent("{\"liked\": [", Encoding.UTF8, "application/json");
        JsonElement json = await Problem.ShouldBeAsync(await Client.PostAsync("/api/recommendations", broken), HttpStatusCode.BadRequest, "invalid-request");
        json.GetProperty("detail").GetString().Should().Contain("JSON");
    }
}
