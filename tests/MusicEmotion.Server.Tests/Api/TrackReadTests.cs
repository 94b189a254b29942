using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>Reading tracks: the paged list, one track, its CSV, its plot and its audio (with ranges).</summary>
public sealed class TrackReadTests(LibraryServer library) : IClassFixture<LibraryServer>
{
    private HttpClient Client => library.Client;

    [Fact]
    public async Task The_list_pages_in_upload_order()
    {
        JsonElement first = await TrackJson.ReadAsync(await Client.GetAsync("/api/tracks?offset=0&limit=2"));
        JsonElement rest = await TrackJson.ReadAsync(await Client.GetAsync("/api/tracks?offset=2&limit=2"));

        first.GetProperty("total").GetInt32().Should().Be(3);
        first.GetProperty("hasMore").GetBoolean().Should().BeTrue();
        first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Should().Equal(library.Ids[0], library.Ids[1]);
        rest.GetProperty("hasMore").GetBoolean().Should().BeFalse();
        JsonElement item = rest.GetProperty("items")[0];
        item.GetProperty("id").GetString().Should().Be(library.Ids[2]);
        item.GetProperty("name").GetString().Should().Be("song 3.wav");
        item.GetProperty("dominantQuadrant").GetString().Should().MatchRegex("^Q[1-4]$");
        item.GetProperty("meanArousal").GetDouble().Should().BeInRange(-1, 1);
    }

    [Theory]
    [InlineData("/api/tracks?limit=0")]
    [InlineData("/api/tracks?limit=1001")]
    [InlineData("/api/tracks?offset=-1")]
    [InlineData("/api/tracks?limit=many")]
    public async Task Bad_paging_is_400(string url)
    {
        using HttpResponseMessage response = await Client.GetAsync(url);

        await Problem.ShouldBeAsync(response, HttpStatusCode.BadRequest, "invalid-request");
    }

    [Fact]
    public async Task A_track_is_found_by_its_id_in_either_case()
    {
        JsonElement track = await TrackJson.ReadAsync(await Client.GetAsync($"/api/tracks/{library.Ids[0].ToUpperInvariant()}"));

        track.GetProperty("id").GetString().Should().Be(library.Ids[0]);
        track.GetProperty("sound").GetProperty("key").GetString().Should().MatchRegex("^[A-G]#? (major|minor)$");
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_404_and_400()
    {
        await Problem.ShouldBeAsync(await Client.GetAsync($"/api/tracks/{new string('0', 64)}"), HttpStatusCode.NotFound, "track-not-found");
        await Problem.ShouldBeAsync(await Client.GetAsync("/api/tracks/..%2F..%2Fcatalog.db"), HttpStatusCode.BadRequest, "invalid-track-id");
        await Problem.ShouldBeAsync(await Client.GetAsync("/api/tracks/abc/audio"), HttpStatusCode.BadRequest, "invalid-track-id");
        await Problem.ShouldBeAsync(await Client.DeleteAsync("/api/tracks/not-an-id"), HttpStatusCode.BadRequest, "invalid-track-id");
    }

    [Fact]
    public async Task The_csv_holds_one_row_per_second_with_the_json_values()
    {
        string id = library.Ids[1];
        JsonElement track = await TrackJson.ReadAsync(await Client.GetAsync($"/api/tracks/{id}"));
        using HttpResponseMessage response = await Client.GetAsync($"/api/tracks/{id}/timeline.csv");

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        string[] lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        float[] arousal = TrackJson.Floats(track.GetProperty("arousal")), valence = TrackJson.Floats(track.GetProperty("valence"));
        lines[0].Should().Be("second,arousal,valence,music");
        lines.Should().HaveCount(arousal.Length + 1);
        for (int i = 0; i < arousal.Length; i++)
        {
            string[] cells = lines[i + 1].Split(',');
            int.Parse(cells[0], CultureInfo.InvariantCulture).Should().Be(i);
            float.Parse(cells[1], CultureInfo.InvariantCulture).Should().BeApproximately(arousal[i], 1e-4f);
            float.Parse(cells[2], CultureInfo.InvariantCulture).Should().BeApproximately(valence[i], 1e-4f);
        }
    }

    [Fact]
    public async Task The_plot_is_a_1200_by_900_png_that_revalidates_with_its_etag()
    {
        using HttpResponseMessage response = await Client.GetAsync($"/api/tracks/{library.Ids[0]}/plot.png");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        byte[] png = await response.Content.ReadAsByteArrayAsync();
        png.Take(8).Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)).Should().Be(1200);
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)).Should().Be(900);
        png.Length.Should().BeGreaterThan(20_000, "a drawn figure, not a blank image");

        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/tracks/{library.Ids[0]}/plot.png");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        (await Client.SendAsync(again)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task The_audio_is_served_as_uploaded_with_range_requests_for_seeking()
    {
        string url = $"/api/tracks/{library.Ids[2]}/audio";
        byte[] song = library.Songs[2];

        using HttpResponseMessage whole = await Client.GetAsync(url);
        var range = new HttpRequestMessage(HttpMethod.Get, url);
        range.Headers.Range = new RangeHeaderValue(1000, 1999);
        using HttpResponseMessage part = await Client.SendAsync(range);
        var outside = new HttpRequestMessage(HttpMethod.Get, url);
        outside.Headers.Range = new RangeHeaderValue(song.Length + 10, song.Length + 20);
        using HttpResponseMessage unsatisfiable = await Client.SendAsync(outside);

        whole.StatusCode.Should().Be(HttpStatusCode.OK);
        whole.Content.Headers.ContentType!.MediaType.Should().Be("audio/wav", "the type comes from the sniffed content");
        whole.Headers.AcceptRanges.Should().Contain("bytes");
        (await whole.Content.ReadAsByteArrayAsync()).Should().Equal(song);
        part.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        part.Content.Headers.ContentRange!.ToString().Should().Be($"bytes 1000-1999/{song.Length}");
        (await part.Content.ReadAsByteArrayAsync()).Should().Equal(song[1000..2000]);
        unsatisfiable.StatusCode.Should().Be(HttpStatusCode.RequestedRangeNotSatisfiable);
    }
}
