using System.Net;
using System.Text.Json;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Midi;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>
/// <c>GET /api/tracks/{id}/notes.mid</c>: the transcription of the stored audio as MIDI, kept beside the audio after the
/// first request; its problems carry the codes of docs/server.md. The service runs the audio-only model, whose analysis
/// transcribes nothing (with the note-aware model the upload keeps the notes already: <see cref="HarmonyTests"/>).
/// </summary>
public sealed class NotesMidiTests(AudioModelServer server) : IClassFixture<AudioModelServer>
{
    private HttpClient Client => server.Client;

    [Fact]
    public async Task The_notes_of_an_uploaded_scale_and_chords_come_back_as_MIDI_and_are_kept_beside_the_audio()
    {
        string id = await UploadAsync(ScaleAndChords(seed: 0), "scale and chords.wav");
        string kept = Path.Combine(server.Factory.AudioDirectory, id[..2], id + ".notes-1.mid");
        File.Exists(kept).Should().BeFalse("nothing is transcribed before it is asked for");

        using HttpResponseMessage response = await Client.GetAsync($"/api/tracks/{id}/notes.mid");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("audio/midi");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("scale and chords.mid");
        byte[] midi = await response.Content.ReadAsByteArrayAsync();
        IReadOnlyList<NoteEvent> notes = NoteMidiFile.ReadNotes(new MemoryStream(midi), "notes.mid");
        foreach (SynthesizedMusic.Note expected in SynthesizedMusic.ScaleAndChords())
        {
            // MIDI ticks at the estimated tempo: onsets within 25 ms as the transcription's own test.
            notes.Should().Contain(n => n.Pitch == expected.Pitch && Math.Abs(n.StartSeconds - expected.Start) <= 0.025, $"pitch {expected.Pitch} at {expected.Start} s");
        }

        File.ReadAllBytes(kept).Should().Equal(midi);
        Directory.GetFiles(Path.GetDirectoryName(kept)!).Select(Path.GetFileName).Should().BeEquivalentTo([id, id + ".notes-1.mid"], "no temporary file is left");
        JsonElement track = await TrackJson.ReadAsync(await Client.GetAsync($"/api/tracks/{id}"));
        track.GetProperty("links").GetProperty("notesMidi").GetString().Should().Be($"/api/tracks/{id}/notes.mid");
    }

    [Fact]
    public async Task A_second_request_is_served_from_the_kept_file_with_ETag_HEAD_and_304()
    {
        string id = await UploadAsync(ScaleAndChords(seed: 1), "second.wav");
        using HttpResponseMessage first = await Client.GetAsync($"/api/tracks/{id}/notes.mid");
        string kept = Path.Combine(server.Factory.AudioDirectory, id[..2], id + ".notes-1.mid");
        DateTime written = File.GetLastWriteTimeUtc(kept);

        using HttpResponseMessage second = await Client.GetAsync($"/api/tracks/{id}/notes.mid");
        using var head = new HttpRequestMessage(HttpMethod.Head, $"/api/tracks/{id}/notes.mid");
        using HttpResponseMessage headResponse = await Client.SendAsync(head);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/tracks/{id}/notes.mid");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using HttpResponseMessage notModified = await Client.SendAsync(conditional);

        (await second.Content.ReadAsByteArrayAsync()).Should().Equal(await first.Content.ReadAsByteArrayAsync());
        File.GetLastWriteTimeUtc(kept).Should().Be(written, "the kept file is served, not transcribed again");
        headResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        headResponse.Content.Headers.ContentType!.MediaType.Should().Be("audio/midi");
        headResponse.Content.Headers.ContentLength.Should().Be(new FileInfo(kept).Length);
        (await headResponse.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        first.Headers.ETag.Should().NotBeNull();
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Deleting_the_track_removes_its_kept_notes()
    {
        string id = await UploadAsync(ScaleAndChords(seed: 2), "deleted.wav");
        (await Client.GetAsync($"/api/tracks/{id}/notes.mid")).EnsureSuccessStatusCode();
        string kept = Path.Combine(server.Factory.AudioDirectory, id[..2], id + ".notes-1.mid");
        File.Exists(kept).Should().BeTrue();

        (await Client.DeleteAsync($"/api/tracks/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        File.Exists(kept).Should().BeFalse();
        await Problem.ShouldBeAsync(await Client.GetAsync($"/api/tracks/{id}/notes.mid"), HttpStatusCode.NotFound, "track-not-found");
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_404_and_400_problems()
    {
        await Problem.ShouldBeAsync(await Client.GetAsync($"/api/tracks/{new string('0', 64)}/notes.mid"), HttpStatusCode.NotFound, "track-not-found");
        await Problem.ShouldBeAsync(await Client.GetAsync("/api/tracks/..%2Fcatalog.db/notes.mid"), HttpStatusCode.BadRequest, "invalid-track-id");
    }

    [Fact]
    public async Task A_track_whose_audio_is_gone_is_404_audio_not_found()
    {
        string id = await UploadAsync(ScaleAndChords(seed: 3), "gone.wav");
        File.Delete(Path.Combine(server.Factory.AudioDirectory, id[..2], id));

        JsonElement problem = await Problem.ShouldBeAsync(await Client.GetAsync($"/api/tracks/{id}/notes.mid"), HttpStatusCode.NotFound, "audio-not-found");

        problem.GetProperty("trackId").GetString().Should().Be(id);
        File.Exists(Path.Combine(server.Factory.AudioDirectory, id[..2], id + ".notes-1.mid")).Should().BeFalse();
    }

    [Fact]
    public async Task Stored_audio_that_no_longer_decodes_is_422_undecodable_and_nothing_is_kept()
    {
        string id = await UploadAsync(ScaleAndChords(seed: 4), "damaged.wav");
        string stored = Path.Combine(server.Factory.AudioDirectory, id[..2], id);
        File.WriteAllBytes(stored, [.. "RIFF"u8, 0xFF, 0xFF, 0xFF, 0x7F, .. "WAVEjunk"u8, .. new byte[40]]); // a WAV header without a format

        JsonElement problem = await Problem.ShouldBeAsync(await Client.GetAsync($"/api/tracks/{id}/notes.mid"), HttpStatusCode.UnprocessableEntity, "undecodable");

        problem.GetProperty("detail").GetString().Should().NotContain(server.Factory.Data.Path, "no server path is shown");
        Directory.GetFiles(Path.GetDirectoryName(stored)!).Select(Path.GetFileName).Should().Equal(id);
    }

    internal static byte[] ScaleAndChords(int seed)
    {
        // Each test its own content (uploads are stored by content hash): a little noise of a different seed.
        float[] samples = SynthesizedMusic.Render(SynthesizedMusic.ScaleAndChords(), 22050, 10);
        var random = new Random(seed);
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] += (float)((random.NextDouble() - 0.5) * 1e-3);
        }

        return PcmWav.Encode16(samples, 22050, 1);
    }

    private async Task<string> UploadAsync(byte[] wav, string name)
    {
        using HttpResponseMessage response = await UploadRequests.PostAsync(Client, wav, name);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await TrackJson.ReadAsync(response)).GetProperty("id").GetString()!;
    }
}
