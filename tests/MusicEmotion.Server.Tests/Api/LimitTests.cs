using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MusicEmotion.Server.Concurrency;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>Upload size and duration limits, the analysis concurrency limit, and the configuration checks.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task An_upload_over_the_size_limit_is_413_whether_or_not_its_length_is_declared()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["MusicEmotion:MaxUploadBytes"] = "50000" });
        HttpClient client = factory.CreateClient();
        byte[] wav = TestAudio.Wav(3, seed: 301); // about 132 KB

        using HttpResponseMessage declared = await UploadRequests.PostAsync(client, wav);
        var chunked = new GatedContent(UploadRequests.Form(wav), split: 1000);
        chunked.Release();
        using HttpResponseMessage streamed = await client.PostAsync("/api/tracks", chunked);

        JsonElement problem = await Problem.ShouldBeAsync(declared, HttpStatusCode.RequestEntityTooLarge, "file-too-large");
        problem.GetProperty("detail").GetString().Should().Contain("50,000 bytes");
        await Problem.ShouldBeAsync(streamed, HttpStatusCode.RequestEntityTooLarge, "file-too-large");
        factory.StoredFiles().Should().BeEmpty("nothing of a refused upload stays");
    }

    [Fact]
    public async Task Audio_longer_than_the_duration_limit_is_422()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["MusicEmotion:MaxDurationSeconds"] = "3" });
        HttpClient client = factory.CreateClient();

        using HttpResponseMessage tooLong = await UploadRequests.PostAsync(client, TestAudio.Wav(5, seed: 302), "long.wav");
        using HttpResponseMessage shortEnough = await UploadRequests.PostAsync(client, TestAudio.Wav(2.5, seed: 303), "short.wav");

        JsonElement problem = await Problem.ShouldBeAsync(tooLong, HttpStatusCode.UnprocessableEntity, "too-long");
        problem.GetProperty("detail").GetString().Should().Contain("long.wav").And.Contain("limit is 3 s");
        shortEnough.StatusCode.Should().Be(HttpStatusCode.Created);
        factory.StoredFiles().Should().HaveCount(2, "the short song's audio and the notes its analysis transcribed");
    }

    [Fact]
    public async Task Uploads_beyond_the_pending_limit_are_503_at_once_with_retry_after()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["MusicEmotion:MaxPendingUploads"] = "1" });
        // On Kestrel (the in-memory test server only runs a request once its body is complete).
        using var client = new HttpClient { BaseAddress = factory.StartOnLoopback() };
        UploadGate gate = factory.Services.GetRequiredService<UploadGate>();
        var slow = new GatedContent(UploadRequests.Form(TestAudio.Wav(2, seed: 304), "slow.wav"), split: 500);

        Task<HttpResponseMessage> first = client.PostAsync("api/tracks", slow);
        for (int i = 0; i < 200 && gate.Pending == 0; i++)
        {
            await Task.Delay(25);
        }

        gate.Pending.Should().Be(1, "the slow upload holds the only admission while its body arrives");
        using HttpResponseMessage refused = await UploadRequests.PostAsync(client, TestAudio.Wav(2, seed: 305), "second.wav");
        slow.Release();
        using HttpResponseMessage accepted = await first;

        await Problem.ShouldBeAsync(refused, HttpStatusCode.ServiceUnavailable, "overloaded");
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        accepted.StatusCode.Should().Be(HttpStatusCode.Created);
        gate.Pending.Should().Be(0);
        using HttpResponseMessage later = await UploadRequests.PostAsync(client, TestAudio.Wav(2, seed: 305), "second.wav");
        later.StatusCode.Should().Be(HttpStatusCode.Created, "the refusal stored nothing and the gate is free again");
    }
}
