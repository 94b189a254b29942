using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>One stored file per catalog row, nothing else: after failures, deletions, crashes (startup sweep) and with two services.</summary>
public sealed class StorageTests
{
    [Fact]
    public async Task When_the_catalog_cannot_be_written_the_upload_is_503_and_its_audio_is_removed()
    {
        using var factory = new ServerFactory(services: s =>
        {
            s.RemoveAll<ITrackCatalog>();
            s.AddSingleton<ITrackCatalog>(sp => new FailingCatalog(SqliteTrackCatalog.Open(sp.GetRequiredService<Hosting.StorageLayout>().CatalogPath)));
        });
        HttpClient client = factory.CreateClient();
        byte[] wav = TestAudio.Wav(2, seed: 501);

        using HttpResponseMessage response = await UploadRequests.PostAsync(client, wav);

        // The store is unavailable (its kind is Environment): the service says so, without the store's details.
        await Problem.ShouldBeAsync(response, HttpStatusCode.ServiceUnavailable, "unavailable");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("simulated", "the store's errors are not described to clients");
        factory.StoredFiles().Should().BeEmpty("the audio moved into place is removed again when its row cannot be added");
        (await client.GetAsync($"/api/tracks/{Convert.ToHexStringLower(SHA256.HashData(wav))}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_removes_the_row_and_the_audio_and_a_second_delete_is_404()
    {
        using var factory = new ServerFactory();
        HttpClient client = factory.CreateClient();
        using HttpResponseMessage created = await UploadRequests.PostAsync(client, TestAudio.Wav(2, seed: 502));
        string id = (await TrackJson.ReadAsync(created)).GetProperty("id").GetString()!;
        factory.StoredFiles().Should().Equal($"audio/{id[..2]}/{id}");

        using HttpResponseMessage deleted = await client.DeleteAsync($"/api/tracks/{id}");
        using HttpResponseMessage again = await client.DeleteAsync($"/api/tracks/{id}");

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await Problem.ShouldBeAsync(again, HttpStatusCode.NotFound, "track-not-found");
        factory.StoredFiles().Should().BeEmpty();
        (await client.GetAsync($"/api/tracks/{id}/audio")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task At_start_the_service_removes_orphan_audio_and_staged_uploads_left_by_a_crash()
    {
        using var data = new TempDirectory();
        string kept;
        using (var first = new ServerFactory(data: data))
        {
            using HttpResponseMessage created = await UploadRequests.PostAsync(first.CreateClient(), TestAudio.Wav(2, seed: 503));
            kept = (await TrackJson.ReadAsync(created)).GetProperty("id").GetString()!;
        }

        // What a crash leaves: audio renamed into place whose row was never added, and an upload half received.
        string orphan = Convert.ToHexStringLower(SHA256.HashData(TestAudio.Wav(2, seed: 504)));
        string audio = Path.Combine(data.Path, "audio");
        Directory.CreateDirectory(Path.Combine(audio, orphan[..2]));
        await File.WriteAllBytesAsync(Path.Combine(audio, orphan[..2], orphan), TestAudio.Wav(2, seed: 504));
        await File.WriteAllBytesAsync(Path.Combine(audio, ".staging", "0123.upload"), [1, 2, 3]);

        using var second = new ServerFactory(data: data);
        HttpClient client = second.CreateClient();

        second.StoredFiles().Should().Equal($"audio/{kept[..2]}/{kept}");
        (await client.GetAsync($"/api/tracks/{kept}/audio")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_second_service_on_the_same_data_folder_refuses_to_start()
    {
        using var data = new TempDirectory();
        using var first = new ServerFactory(data: data);
        (await first.CreateClient().GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var second = new ServerFactory(data: data);

        Action start = () => second.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*in use by another MusicEmotion service*");
    }
}
