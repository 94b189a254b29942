using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
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
        // The note-aware model's analysis transcribed the notes: they are kept beside the audio (notes.mid, harmony).
        factory.StoredFiles().Should().Equal($"audio/{id[..2]}/{id}", $"audio/{id[..2]}/{id}.notes-1.mid");

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

        second.StoredFiles().Should().Equal($"audio/{kept[..2]}/{kept}", $"audio/{kept[..2]}/{kept}.notes-1.mid");
        (await client.GetAsync($"/api/tracks/{kept}/audio")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_catalog_opened_with_another_audio_folder_makes_health_degraded_with_the_count()
    {
        using var data = new TempDirectory();
        byte[] first = TestAudio.Wav(2, seed: 505), second = TestAudio.Wav(2, seed: 506);
        using (var original = new ServerFactory(data: data))
        {
            HttpClient client = original.CreateClient();
            (await UploadRequests.PostAsync(client, first)).StatusCode.Should().Be(HttpStatusCode.Created);
            (await UploadRequests.PostAsync(client, second)).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using var elsewhere = new TempDirectory();
        using var moved = new ServerFactory(new Dictionary<string, string?>
        {
            ["MusicEmotion:CatalogPath"] = Path.Combine(data.Path, "catalog.db"),
            ["MusicEmotion:AudioDirectory"] = Path.Combine(elsewhere.Path, "audio"),
        }, data: elsewhere);
        HttpClient movedClient = moved.CreateClient();

        JsonElement health = await TrackJson.ReadAsync(await movedClient.GetAsync("/health"));
        health.GetProperty("status").GetString().Should().Be("Degraded");
        JsonElement storage = health.GetProperty("checks").GetProperty("storage");
        storage.GetProperty("status").GetString().Should().Be("Degraded");
        storage.GetProperty("data").GetProperty("tracksWithoutAudio").GetInt32().Should().Be(2);
        storage.GetProperty("description").GetString().Should().Contain("2 tracks in the catalog have no audio").And.Contain("MusicEmotion:AudioDirectory");

        // Uploading one of the songs again restores its audio; the count follows.
        (await UploadRequests.PostAsync(movedClient, first)).StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement after = await TrackJson.ReadAsync(await movedClient.GetAsync("/health"));
        after.GetProperty("checks").GetProperty("storage").GetProperty("data").GetProperty("tracksWithoutAudio").GetInt32().Should().Be(1);
        Directory.EnumerateFiles(Path.Combine(data.Path, "audio"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).Should().HaveCount(4,
            "the original audio folder is untouched: two songs, each with the notes its analysis transcribed");
    }

    [Fact]
    public async Task Another_catalog_pointed_at_an_audio_folder_deletes_none_of_its_files()
    {
        using var data = new TempDirectory();
        using (var original = new ServerFactory(data: data))
        {
            HttpClient client = original.CreateClient();
            for (int seed = 507; seed < 510; seed++)
            {
                (await UploadRequests.PostAsync(client, TestAudio.Wav(2, seed: seed))).StatusCode.Should().Be(HttpStatusCode.Created);
            }
        }

        // A fresh catalog on the first service's audio folder: its three files have no row here, more than a crash can
        // leave with two uploads in progress, so they are kept and reported, not swept.
        using var other = new TempDirectory();
        using var wrong = new ServerFactory(new Dictionary<string, string?>
        {
            ["MusicEmotion:AudioDirectory"] = Path.Combine(data.Path, "audio"),
            ["MusicEmotion:MaxPendingUploads"] = "2",
        }, data: other);

        JsonElement health = await TrackJson.ReadAsync(await wrong.CreateClient().GetAsync("/health"));

        Directory.EnumerateFiles(Path.Combine(data.Path, "audio"), "*", SearchOption.AllDirectories).Count(f => !f.EndsWith(".lock", StringComparison.Ordinal))
            .Should().Be(6, "three songs, each with the notes its analysis transcribed");
        JsonElement storage = health.GetProperty("checks").GetProperty("storage");
        storage.GetProperty("status").GetString().Should().Be("Degraded");
        storage.GetProperty("data").GetProperty("audioFilesWithoutTrack").GetInt32().Should().Be(3);
        storage.GetProperty("description").GetString().Should().Contain("3 audio files").And.Contain("MusicEmotion:AudioDirectory");
    }

    [Fact]
    public async Task A_second_service_on_the_same_data_folder_refuses_to_start()
    {
        using var data = new TempDirectory();
        using var first = new ServerFactory(data: data);
        (await first.CreateClient().GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var second = new ServerFactory(data: data);

        Action start = () => second.CreateClient();

        // The refusal itself (one line naming the setting, exit code 2) is checked on the real process: StartupTests.
        start.Should().Throw<InvalidOperationException>();
    }
}
