using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Server.Concurrency;
using MusicEmotion.Server.Tests.Support;
using Xunit.Abstractions;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>
/// Slow clients cannot starve the service (Kestrel at 127.0.0.1): an upload trickling below the minimum data rate is cut
/// with 408 once its grace period is over, one still arriving at its deadline too, one client cannot take every
/// admission, and nothing of a cut upload is kept.
/// </summary>
public sealed class SlowClientTests(ITestOutputHelper output)
{
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");

    [SkippableFact]
    public async Task Forty_trickling_clients_for_thirty_seconds_do_not_stop_five_real_uploads()
    {
        string[] clips = TestAudio.FourQClips("Q2", 5);
        Skip.IfNot(SlowUpload.CanSendFrom(Attacker), $"this machine cannot send from {Attacker} (the second client of the test)");
        using var factory = new ServerFactory(); // the default settings
        Uri address = factory.StartOnLoopback();
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        UploadGate gate = factory.Services.GetRequiredService<UploadGate>();

        // 40 connections from one other machine, each sending ~300 bytes/s and coming back as soon as it is cut or refused.
        using var attack = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<SlowUpload.Outcome>();
        Task[] tricklers = Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            while (!attack.IsCancellationRequested)
            {
                SlowUpload.Outcome outcome = await SlowUpload.SendAsync(address, Attacker, 300, attack.Token);
                if (outcome.Status != 0 || !attack.IsCancellationRequested)
                {
                    outcomes.Add(outcome);
                }

                if (outcome.Status is 429 or 503)
                {
                    await Task.Delay(1000, CancellationToken.None);
                }
            }
        })).ToArray();

        for (int i = 0; i < 50 && gate.Pending < 8; i++)
        {
            await Task.Delay(100);
        }

        gate.Pending.Should().Be(8, "the trickling client holds its 8 admissions, no more");

        // Meanwhile five real clips from this machine: each is stored within 30 s.
        (HttpStatusCode Status, TimeSpan Elapsed)[] uploads = await Task.WhenAll(clips.Select(clip => UploadWithRetriesAsync(client, clip, TimeSpan.FromSeconds(30))));
        await Task.WhenAll(tricklers);

        foreach (var upload in uploads)
        {
            output.WriteLine($"real upload: {(int)upload.Status} in {upload.Elapsed.TotalSeconds:0.0} s");
        }

        var byStatus = outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).ToArray();
        output.WriteLine("trickling uploads: " + string.Join(", ", byStatus.Select(g => $"{g.Key}: {g.Count()}")));
        uploads.Should().OnlyContain(u => u.Status == HttpStatusCode.Created && u.Elapsed < TimeSpan.FromSeconds(30));
        outcomes.Should().OnlyContain(o => o.Status == 408 || o.Status == 429, "a trickling upload is cut (408) or refused at its client's cap (429), never stored");
        SlowUpload.Outcome[] cut = outcomes.Where(o => o.Status == 408).ToArray();
        cut.Length.Should().BeGreaterThanOrEqualTo(8, "the eight admitted trickles were cut");
        cut.Should().OnlyContain(o => o.Body.Contains("\"upload-too-slow\"") && o.Elapsed > TimeSpan.FromSeconds(9) && o.Elapsed < TimeSpan.FromSeconds(20),
            "they are cut soon after the 10-second grace period");
        outcomes.Where(o => o.Status == 429).Should().OnlyContain(o => o.Body.Contains("\"too-many-uploads\""));

        await WaitUntilAsync(() => gate.Pending == 0);
        factory.StoredFiles().Where(f => f.StartsWith("audio/.staging/", StringComparison.Ordinal)).Should().BeEmpty("nothing of a cut upload is kept");
        factory.StoredFiles().Should().HaveCount(10, "five songs, each with the notes its analysis transcribed");
        (await factory.Services.GetRequiredService<ITrackCatalog>().CountAsync()).Should().Be(5);
    }

    [Fact]
    public async Task An_upload_below_the_minimum_rate_is_cut_with_408_after_its_grace_period()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?>
        {
            ["MusicEmotion:MinUploadBytesPerSecond"] = "4096",
            ["MusicEmotion:UploadRateGraceSeconds"] = "2",
        });
        Uri address = factory.StartOnLoopback();

        SlowUpload.Outcome outcome = await SlowUpload.SendAsync(address, IPAddress.Loopback, 500, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        outcome.Status.Should().Be(408, outcome.Body);
        outcome.Body.Should().Contain("\"code\":\"upload-too-slow\"").And.Contain("4,096 bytes per second");
        outcome.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(2)).And.BeLessThan(TimeSpan.FromSeconds(10));
        await WaitUntilAsync(() => factory.Services.GetRequiredService<UploadGate>().Pending == 0);
        factory.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task An_upload_still_arriving_at_its_deadline_is_cut_with_408_whatever_its_rate()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?>
        {
            ["MusicEmotion:MinUploadBytesPerSecond"] = "0",
            ["MusicEmotion:UploadReceiveTimeoutSeconds"] = "2",
        });
        Uri address = factory.StartOnLoopback();

        SlowUpload.Outcome outcome = await SlowUpload.SendAsync(address, IPAddress.Loopback, 20_000, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        outcome.Status.Should().Be(408, outcome.Body);
        outcome.Body.Should().Contain("\"code\":\"upload-timeout\"").And.Contain("after 2 s");
        outcome.BytesSent.Should().BeGreaterThan(20_000, "it was sending well above any minimum rate");
        outcome.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(8));
        await WaitUntilAsync(() => factory.Services.GetRequiredService<UploadGate>().Pending == 0);
        factory.StoredFiles().Should().BeEmpty();
    }

    [SkippableFact]
    public async Task One_client_gets_429_beyond_its_share_while_another_is_admitted()
    {
        Skip.IfNot(SlowUpload.CanSendFrom(Attacker), $"this machine cannot send from {Attacker} (the second client of the test)");
        using var factory = new ServerFactory(new Dictionary<string, string?>
        {
            ["MusicEmotion:MaxPendingUploads"] = "4",
            ["MusicEmotion:MaxPendingUploadsPerClient"] = "2",
            ["MusicEmotion:UploadReceiveTimeoutSeconds"] = "20",
        });
        Uri address = factory.StartOnLoopback();
        using var client = new HttpClient { BaseAddress = address };
        UploadGate gate = factory.Services.GetRequiredService<UploadGate>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Task<SlowUpload.Outcome>[] held = [SlowUpload.SendAsync(address, Attacker, 20_000, stop.Token), SlowUpload.SendAsync(address, Attacker, 20_000, stop.Token)];
        await WaitUntilAsync(() => gate.PendingFor("127.0.0.2") == 2);

        SlowUpload.Outcome third = await SlowUpload.SendAsync(address, Attacker, 20_000, stop.Token);
        using HttpResponseMessage other = await UploadRequests.PostAsync(client, TestAudio.Wav(2, seed: 1901), "other client.wav");
        stop.Cancel();
        await Task.WhenAll(held);

        third.Status.Should().Be(429, third.Body);
        third.Body.Should().Contain("\"code\":\"too-many-uploads\"");
        third.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "refused at once, before its body is read");
        other.StatusCode.Should().Be(HttpStatusCode.Created, "another client still has admissions");
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("::ffff:10.1.2.3", "10.1.2.3")]
    [InlineData("2001:db8:a:b:1:2:3:4", "2001:db8:a:b::/64")]
    [InlineData("2001:db8:a:b:ffff::9", "2001:db8:a:b::/64")]
    public void Clients_are_ipv4_addresses_or_ipv6_networks(string address, string key) => ClientKey.Of(IPAddress.Parse(address)).Should().Be(key);

    private static async Task<(HttpStatusCode Status, TimeSpan Elapsed)> UploadWithRetriesAsync(HttpClient client, string path, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        byte[] bytes = await File.ReadAllBytesAsync(path);
        while (true)
        {
            using HttpResponseMessage response = await UploadRequests.PostAsync(client, bytes, Path.GetFileName(path));
            if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests) || clock.Elapsed > within)
            {
                return (response.StatusCode, clock.Elapsed);
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        condition().Should().BeTrue();
    }
}
