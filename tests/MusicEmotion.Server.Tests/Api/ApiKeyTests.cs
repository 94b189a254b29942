using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>With MusicEmotion:ApiKey set, writes need the key in X-Api-Key; reads stay open.</summary>
public sealed class ApiKeyTests : IDisposable
{
    private const string Key = "test-key-0123456789abcdef";
    private readonly ServerFactory _factory = new(new Dictionary<string, string?> { ["MusicEmotion:ApiKey"] = Key });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_upload_without_the_key_is_401_and_stores_nothing()
    {
        using HttpResponseMessage response = await UploadRequests.PostAsync(_factory.CreateClient(), TestAudio.Wav(2, seed: 401));

        JsonElement problem = await Problem.ShouldBeAsync(response, HttpStatusCode.Unauthorized, "api-key-missing");
        problem.GetProperty("detail").GetString().Should().Contain("X-Api-Key");
        response.Headers.WwwAuthenticate.ToString().Should().Contain("X-Api-Key");
        _factory.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task An_upload_with_a_wrong_key_is_401()
    {
        using HttpResponseMessage wrong = await UploadRequests.PostAsync(_factory.CreateClient(), TestAudio.Wav(2, seed: 402), apiKey: Key + "x");
        using HttpResponseMessage almost = await UploadRequests.PostAsync(_factory.CreateClient(), TestAudio.Wav(2, seed: 402), apiKey: Key.ToUpperInvariant());

        await Problem.ShouldBeAsync(wrong, HttpStatusCode.Unauthorized, "api-key-invalid");
        await Problem.ShouldBeAsync(almost, HttpStatusCode.Unauthorized, "api-key-invalid");
        _factory.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task With_the_key_uploads_and_deletes_work_and_reads_need_no_key()
    {
        HttpClient client = _factory.CreateClient();
        using HttpResponseMessage created = await UploadRequests.PostAsync(client, TestAudio.Wav(2, seed: 403), apiKey: Key);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        string self = (await TrackJson.ReadAsync(created)).GetProperty("links").GetProperty("self").GetString()!;

        (await client.GetAsync(self)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/tracks")).StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement info = await TrackJson.ReadAsync(await client.GetAsync("/api/server"));
        info.GetProperty("writesRequireApiKey").GetBoolean().Should().BeTrue();

        using HttpResponseMessage refused = await client.DeleteAsync(self);
        await Problem.ShouldBeAsync(refused, HttpStatusCode.Unauthorized, "api-key-missing");
        var delete = new HttpRequestMessage(HttpMethod.Delete, self);
        delete.Headers.Add("X-Api-Key", Key);
        (await client.SendAsync(delete)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync(self)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Recommendations_are_reads_and_need_no_key()
    {
        using HttpResponseMessage response = await _factory.CreateClient().PostAsJsonAsync("/api/recommendations", new { liked = new[] { new string('a', 64) } });

        await Problem.ShouldBeAsync(response, HttpStatusCode.UnprocessableEntity, "unknown-track");
    }
}
