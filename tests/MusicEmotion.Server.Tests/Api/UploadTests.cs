using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>POST /api/tracks: good uploads, the same content twice, and every kind of bad upload.</summary>
public sealed class UploadTests(DefaultServer server) : IClassFixture<DefaultServer>
{
    private HttpClient Client => server.Client;

    [Fact]
    public async Task A_wav_is_analysed_and_answered_201_with_per_second_curves_summary_and_description()
    {
        byte[] wav = TestAudio.Wav(6.5, seed: 101);
        string id = Convert.ToHexStringLower(SHA256.HashData(wav));

        using HttpResponseMessage response = await UploadRequests.PostAsync(Client, wav, "chord.wav");

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().Should().Be($"/api/tracks/{id}");
        JsonElement track = await TrackJson.ReadAsync(response);
        track.GetProperty("id").GetString().Should().Be(id);
        track.GetProperty("name").GetString().Should().Be("chord.wav");
        track.GetProperty("durationSeconds").GetDouble().Should().BeApproximately(6.5, 0.01);
        track.GetProperty("secondsPerValue").GetDouble().Should().Be(1);
        float[] arousal = TrackJson.Floats(track.GetProperty("arousal")), valence = TrackJson.Floats(track.GetProperty("valence"));
        arousal.Should().HaveCount(7).And.OnlyContain(v => v >= -1 && v <= 1);
        valence.Should().HaveCount(7).And.OnlyContain(v => v >= -1 && v <= 1);
        JsonElement summary = track.GetProperty("summary");
        summary.GetProperty("seconds").GetInt32().Should().Be(7);
        summary.GetProperty("arousal").GetProperty("mean").GetDouble().Should().BeApproximately(arousal.Average(), 1e-3);
        summary.GetProperty("quadrantShares").EnumerateObject().Sum(p => p.Value.GetDouble()).Should().BeApproximately(1, 1e-9);
        track.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();
        track.GetProperty("modelName").GetString().Should().NotBeNullOrWhiteSpace();
        track.GetProperty("links").GetProperty("audio").GetString().Should().Be($"/api/tracks/{id}/audio");
        File.Exists(Path.Combine(server.Factory.AudioDirectory, id[..2], id)).Should().BeTrue();
    }

    [Fact]
    public async Task The_same_bytes_again_answer_200_with_the_existing_track_and_store_nothing_more()
    {
        byte[] wav = TestAudio.Wav(3, seed: 102);
        using HttpResponseMessage first = await UploadRequests.PostAsync(Client, wav, "first.wav");
        using HttpResponseMessage again = await UploadRequests.PostAsync(Client, wav, "renamed copy.wav");

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement a = await TrackJson.ReadAsync(first), b = await TrackJson.ReadAsync(again);
        b.GetProperty("id").GetString().Should().Be(a.GetProperty("id").GetString());
        b.GetProperty("name").GetString().Should().Be("first.wav", "the existing track is answered as it was stored");
        TrackJson.Floats(b.GetProperty("arousal")).Should().Equal(TrackJson.Floats(a.GetProperty("arousal")));
        string id = a.GetProperty("id").GetString()!;
        Directory.GetFiles(Path.Combine(server.Factory.AudioDirectory, id[..2])).Count(f => Path.GetFileName(f) == id).Should().Be(1);
    }

    [SkippableFact]
    public async Task A_real_mp3_is_analysed_and_its_audio_served_byte_for_byte()
    {
        string clip = TestAudio.FourQClips("Q2", 1)[0];
        byte[] mp3 = await File.ReadAllBytesAsync(clip);

        using HttpResponseMessage response = await UploadRequests.PostAsync(Client, mp3, Path.GetFileName(clip));

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        JsonElement track = await TrackJson.ReadAsync(response);
        double duration = track.GetProperty("durationSeconds").GetDouble();
        duration.Should().BeInRange(25, 35);
        track.GetProperty("arousal").GetArrayLength().Should().Be((int)Math.Ceiling(duration));
        using HttpResponseMessage audio = await Client.GetAsync(track.GetProperty("links").GetProperty("audio").GetString());
        audio.Content.Headers.ContentType!.MediaType.Should().Be("audio/mpeg");
        (await audio.Content.ReadAsByteArrayAsync()).Should().Equal(mp3);
    }

    [Fact]
    public async Task Content_decides_never_the_file_name_or_the_client_content_type()
    {
        var wavAsText = UploadRequests.Form(TestAudio.Wav(2, seed: 103), "notes.txt", contentType: "text/plain");
        using HttpResponseMessage accepted = await Client.PostAsync("/api/tracks", wavAsText);
        accepted.StatusCode.Should().Be(HttpStatusCode.Created);

        var textAsMp3 = UploadRequests.Form(Encoding.UTF8.GetBytes("This is a shopping list, not a song.\n"), "hit single.mp3", contentType: "audio/mpeg");
        using HttpResponseMessage refused = await Client.PostAsync("/api/tracks", textAsMp3);
        JsonElement problem = await Problem.ShouldBeAsync(refused, HttpStatusCode.UnsupportedMediaType, "not-audio");
        problem.GetProperty("detail").GetString().Should().Contain("hit single.mp3");
    }

    [Theory]
    [InlineData(201, "../../../../tmp/mer-server-test/evil.wav", "evil.wav")]
    [InlineData(202, "..\\..\\windows\\system32\\evil.wav", "evil.wav")]
    [InlineData(203, "/etc/passwd", "passwd")]
    [InlineData(204, "song\u202Egnp.wav", "songgnp.wav")]
    [InlineData(205, "line\r\nbreak\0.wav", "linebreak.wav")]
    [InlineData(206, "   ", "upload")]
    [InlineData(207, "../..", "upload")]
    public async Task Hostile_file_names_are_cleaned_for_display_and_never_used_as_paths(int seed, string sent, string shown)
    {
        byte[] wav = TestAudio.Wav(2, seed);
        using HttpResponseMessage response = await UploadRequests.PostAsync(Client, wav, sent);

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        JsonElement track = await TrackJson.ReadAsync(response);
        track.GetProperty("name").GetString().Should().Be(shown);
        string id = track.GetProperty("id").GetString()!;
        File.Exists(Path.Combine(server.Factory.AudioDirectory, id[..2], id)).Should().BeTrue("the audio is stored under its id");
        Directory.EnumerateFiles(server.Factory.Data.Path, "*evil*", SearchOption.AllDirectories).Should().BeEmpty();
        Directory.Exists("/tmp/mer-server-test").Should().BeFalse();
    }

    [Fact]
    public async Task An_empty_file_is_400_and_leaves_nothing()
    {
        using HttpResponseMessage response = await UploadRequests.PostAsync(Client, [], "empty.mp3");

        await Problem.ShouldBeAsync(response, HttpStatusCode.BadRequest, "file-empty");
        Directory.GetFiles(Path.Combine(server.Factory.AudioDirectory, ".staging")).Should().BeEmpty();
    }

    [Fact]
    public async Task Random_bytes_are_415()
    {
        byte[] noise = new byte[10_000];
        new Random(5).NextBytes(noise);
        noise[0] = 0x42;
        using HttpResponseMessage response = await UploadRequests.PostAsync(Client, noise, "noise.flac");

        await Problem.ShouldBeAsync(response, HttpStatusCode.UnsupportedMediaType, "not-audio");
    }

    [Fact]
    public async Task A_corrupt_mp3_is_422_and_leaves_nothing()
    {
        byte[] bytes = new byte[30_000];
        new Random(6).NextBytes(bytes);
        "ID3"u8.CopyTo(bytes); // claims an MP3 tag; the rest is noise
        using HttpResponseMessage response = await UploadRequests.PostAsync(Client, bytes, "corrupt.mp3");

        JsonElement problem = await Problem.ShouldBeAsync(response, HttpStatusCode.UnprocessableEntity, "undecodable");
        string id = Convert.ToHexStringLower(SHA256.HashData(bytes));
        problem.GetProperty("trackId").GetString().Should().Be(id);
        problem.GetProperty("detail").GetString().Should().Contain("corrupt.mp3").And.NotContain(".staging", "server paths stay private");
        File.Exists(Path.Combine(server.Factory.AudioDirectory, id[..2], id)).Should().BeFalse();
        (await Client.GetAsync($"/api/tracks/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_truncated_mp3_is_422_truncated_and_leaves_nothing()
    {
        byte[] mp3 = await File.ReadAllBytesAsync(TestAudio.FourQClips("Q3", 1)[0]);
        byte[] cut = mp3[..(mp3.Length / 4)];

        using HttpResponseMessage response = await UploadRequests.PostAsync(Client, cut, "cut.mp3");

        JsonElement problem = await Problem.ShouldBeAsync(response, HttpStatusCode.UnprocessableEntity, "truncated");
        problem.GetProperty("detail").GetString().Should().Contain("cut.mp3").And.Contain("declares");
        string id = Convert.ToHexStringLower(SHA256.HashData(cut));
        File.Exists(Path.Combine(server.Factory.AudioDirectory, id[..2], id)).Should().BeFalse();
    }

    [Fact]
    public async Task A_truncated_wav_is_422()
    {
        byte[] wav = TestAudio.Wav(3, seed: 104);
        using HttpResponseMessage response = await UploadRequests.PostAsync(Client, wav[..(wav.Length / 2)], "cut.wav");

        JsonElement problem = await Problem.ShouldBeAsync(response, HttpStatusCode.UnprocessableEntity, "undecodable");
        problem.GetProperty("detail").GetString().Should().Contain("truncated");
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_415()
    {
        var raw = new ByteArrayContent(TestAudio.Wav(1, seed: 105));
        raw.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        using HttpResponseMessage response = await Client.PostAsync("/api/tracks", raw);

        await Problem.ShouldBeAsync(response, HttpStatusCode.UnsupportedMediaType, "multipart-required");
    }

    [Fact]
    public async Task A_form_without_the_file_field_is_400()
    {
        using HttpResponseMessage response = await Client.PostAsync("/api/tracks", UploadRequests.Form(TestAudio.Wav(1, seed: 106), field: "audio"));

        await Problem.ShouldBeAsync(response, HttpStatusCode.BadRequest, "file-missing");
    }

    [Fact]
    public async Task Two_files_in_one_form_are_400_and_leave_nothing()
    {
        MultipartFormDataContent form = UploadRequests.Form(TestAudio.Wav(1, seed: 107));
        var second = new ByteArrayContent(TestAudio.Wav(1, seed: 108));
        second.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"b.wav\"" };
        form.Add(second);

        using HttpResponseMessage response = await Client.PostAsync("/api/tracks", form);

        await Problem.ShouldBeAsync(response, HttpStatusCode.BadRequest, "too-many-files");
        Directory.GetFiles(Path.Combine(server.Factory.AudioDirectory, ".staging")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_malformed_multipart_body_is_400()
    {
        var body = new ByteArrayContent(Encoding.ASCII.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\r\nRIFF....WAVE and then the body just stops"));
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");

        using HttpResponseMessage response = await Client.PostAsync("/api/tracks", body);

        await Problem.ShouldBeAsync(response, HttpStatusCode.BadRequest, "multipart-invalid");
        Directory.GetFiles(Path.Combine(server.Factory.AudioDirectory, ".staging")).Should().BeEmpty();
    }

    [Fact]
    public async Task Ten_identical_uploads_at_once_store_one_track_answered_201_once()
    {
        byte[] wav = TestAudio.Wav(4, seed: 109);
        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => UploadRequests.PostAsync(Client, wav, $"copy {i}.wav")));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(9);
        string id = Convert.ToHexStringLower(SHA256.HashData(wav));
        Directory.GetFiles(Path.Combine(server.Factory.AudioDirectory, id[..2])).Count(f => Path.GetFileName(f) == id).Should().Be(1);
        foreach (HttpResponseMessage r in responses)
        {
            r.Dispose();
        }
    }
}
