using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>POST /api/journeys and GET /api/tracks/{id}/audio-features.</summary>
public sealed class JourneyTests(LibraryServer library) : IClassFixture<LibraryServer>
{
    private HttpClient Client => library.Client;

    [Fact]
    public async Task A_journey_lists_every_song_once_with_its_curve_stretch_and_explanation()
    {
        using HttpResponseMessage response = await Client.PostAsJsonAsync("/api/journeys", new { from = "calm", via = new object[] { "0,0" }, to = new { valence = 0.3, arousal = 0.7 }, songs = 3 });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        JsonElement journey = await TrackJson.ReadAsync(response);
        JsonElement[] steps = journey.GetProperty("steps").EnumerateArray().ToArray();
        steps.Select(s => s.GetProperty("id").GetString()).Should().BeEquivalentTo(library.Ids);
        journey.GetProperty("path").GetArrayLength().Should().Be(3);
        journey.GetProperty("path")[2].GetProperty("arousal").GetDouble().Should().Be(0.7);
        journey.GetProperty("eligibleTracks").GetInt32().Should().Be(3);
        journey.GetProperty("pathError").GetDouble().Should().BeGreaterThan(0);
        steps[0].GetProperty("handOverJump").ValueKind.Should().Be(JsonValueKind.Null);
        steps[0].GetProperty("pathFrom").GetDouble().Should().Be(0);
        steps[^1].GetProperty("pathTo").GetDouble().Should().Be(1);
        double start = 0;
        foreach (JsonElement step in steps)
        {
            step.GetProperty("startSeconds").GetDouble().Should().BeApproximately(start, 1e-3);
            start += step.GetProperty("durationSeconds").GetDouble();
            int seconds = (int)Math.Ceiling(step.GetProperty("durationSeconds").GetDouble() - 1e-9);
            step.GetProperty("arousal").GetArrayLength().Should().Be(seconds);
            step.GetProperty("valence").GetArrayLength().Should().Be(seconds);
            step.GetProperty("explanation").GetString().Should().NotBeNullOrWhiteSpace();
            step.GetProperty("links").GetProperty("audio").GetString().Should().Be($"/api/tracks/{step.GetProperty("id").GetString()}/audio");
        }

        journey.GetProperty("durationSeconds").GetDouble().Should().BeApproximately(start, 1e-3);
    }

    [Fact]
    public async Task A_drawn_path_and_a_target_duration_plan_a_journey_of_about_that_length()
    {
        var path = Enumerable.Range(0, 50).Select(i => new { valence = 0.5 * Math.Cos(i / 8.0), arousal = 0.5 * Math.Sin(i / 8.0) }).ToArray();

        JsonElement journey = await TrackJson.ReadAsync(await Client.PostAsJsonAsync("/api/journeys", new { path, durationSeconds = 14 }));

        journey.GetProperty("path").GetArrayLength().Should().Be(50);
        journey.GetProperty("steps").GetArrayLength().Should().Be(2, "two of the library's 6–8 s songs fill 14 s");
    }

    [Fact]
    public async Task Disliked_songs_are_never_planned_and_a_journey_without_songs_is_a_problem()
    {
        JsonElement journey = await TrackJson.ReadAsync(await Client.PostAsJsonAsync("/api/journeys",
            new { from = "sad", to = "happy", songs = 3, disliked = new[] { library.Ids[1] }, liked = new[] { library.Ids[0] } }));
        journey.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().BeEquivalentTo([library.Ids[0], library.Ids[2]]);
        journey.GetProperty("shortened").GetBoolean().Should().BeTrue();
        journey.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == library.Ids[0]).GetProperty("liked").GetBoolean().Should().BeTrue();

        JsonElement none = await Problem.ShouldBeAsync(await Client.PostAsJsonAsync("/api/journeys", new { from = "sad", to = "happy", disliked = library.Ids }),
            HttpStatusCode.UnprocessableEntity, "no-eligible-tracks");
        none.GetProperty("detail").GetString().Should().Contain("No track is left");
        await Problem.ShouldBeAsync(await Client.PostAsJsonAsync("/api/journeys", new { from = "sad", to = "happy", liked = new[] { new string('b', 64) } }),
            HttpStatusCode.UnprocessableEntity, "unknown-track");
    }

    [Fact]
    public async Task Wrong_fields_are_named_with_what_is_allowed()
    {
        JsonElement problem = await Problem.ShouldBeAsync(await Client.PostAsJsonAsync("/api/journeys",
            new { from = "elated", to = new { valence = 2, arousal = 0 }, songs = 0, durationSeconds = 60, mood = "x" }), HttpStatusCode.BadRequest, "invalid-request");
        string[] fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToArray();
        fields.Should().BeEquivalentTo(["$.mood", "$.from", "$.to", "$.songs", "$.durationSeconds"]);
        problem.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "$.from").GetProperty("allowed").GetString().Should().Contain("calm");

        JsonElement both = await Problem.ShouldBeAsync(await Client.PostAsJsonAsync("/api/journeys", new { from = "sad", path = new[] { new { valence = 0, arousal = 0 } } }),
            HttpStatusCode.BadRequest, "invalid-request");
        both.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Should().BeEquivalentTo(["$.from", "$.path"]);
        JsonElement missing = await Problem.ShouldBeAsync(await Client.PostAsJsonAsync("/api/journeys", new { songs = 3 }), HttpStatusCode.BadRequest, "invalid-request");
        missing.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Should().BeEquivalentTo(["$.from", "$.to"]);

        using var text = new StringContent("from=calm", Encoding.UTF8, "text/plain");
        await Problem.ShouldBeAsync(await Client.PostAsync("/api/journeys", text), HttpStatusCode.UnsupportedMediaType, "json-required");
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/journeys") { Content = JsonContent.Create(new { from = "sad", to = "happy" }) };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        await Problem.ShouldBeAsync(await Client.SendAsync(crossSite), HttpStatusCode.Forbidden, "cross-site");
    }

    [Fact]
    public async Task Audio_features_use_spotify_names_and_leave_out_what_is_not_measured()
    {
        string id = library.Ids[0];
        using HttpResponseMessage response = await Client.GetAsync($"/api/tracks/{id}/audio-features");
        using var head = new HttpRequestMessage(HttpMethod.Head, $"/api/tracks/{id}/audio-features");
        using HttpResponseMessage headResponse = await Client.SendAsync(head);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        JsonElement features = await TrackJson.ReadAsync(response);
        features.GetProperty("id").GetString().Should().Be(id);
        features.GetProperty("type").GetString().Should().Be("audio_features");
        features.GetProperty("duration_ms").GetInt64().Should().Be(6000);
        features.GetProperty("key").GetInt32().Should().BeInRange(-1, 11);
        features.GetProperty("energy").GetDouble().Should().BeInRange(0, 1);
        features.GetProperty("valence").GetDouble().Should().BeInRange(0, 1);
        features.GetProperty("loudness").GetDouble().Should().BeInRange(-60, 0);
        features.GetProperty("tempo").GetDouble().Should().BeGreaterThanOrEqualTo(0);
        foreach (string absent in new[] { "danceability", "acousticness", "instrumentalness", "liveness", "speechiness", "time_signature" })
        {
            features.TryGetProperty(absent, out _).Should().BeFalse(absent);
        }

        headResponse.StatusCode.Should().Be(HttpStatusCode.OK, "HEAD answers every GET (HeadTests checks on Kestrel that it sends no body)");
        await Problem.ShouldBeAsync(await Client.GetAsync($"/api/tracks/{new string('d', 64)}/audio-features"), HttpStatusCode.NotFound, "track-not-found");
        await Problem.ShouldBeAsync(await Client.GetAsync("/api/tracks/nope/audio-features"), HttpStatusCode.BadRequest, "invalid-track-id");
        JsonElement track = await TrackJson.ReadAsync(await Client.GetAsync($"/api/tracks/{id}"));
        track.GetProperty("links").GetProperty("audioFeatures").GetString().Should().Be($"/api/tracks/{id}/audio-features");
    }
}
