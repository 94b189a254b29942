using System.Net;
using System.Text.Json;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Analysis;
using MusicEmotion.Notes.Midi;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>
/// <c>GET /api/tracks/{id}/harmony</c>: the key and chords of a track's notes, from the one transcription kept as its
/// notes.mid. With the note-aware model (the default) the upload's analysis made that transcription and the upload keeps
/// it; with the audio-only model the first request for either makes it, and the other reuses it.
/// </summary>
public sealed class HarmonyTests(DefaultServer server) : IClassFixture<DefaultServer>
{
    [Fact]
    public async Task An_upload_keeps_the_notes_its_analysis_transcribed_and_the_harmony_names_the_chords_from_them()
    {
        HttpClient client = server.Client;
        string id = await UploadAsync(client, NotesMidiTests.ScaleAndChords(seed: 10), "kept.wav");
        string kept = Path.Combine(server.Factory.AudioDirectory, id[..2], id + ".notes-1.mid");
        File.Exists(kept).Should().BeTrue("the note-aware model's analysis transcribed the notes, and the upload kept them");
        DateTime written = File.GetLastWriteTimeUtc(kept);
        IReadOnlyList<NoteEvent> notes = NoteMidiFile.ReadNotes(kept);
        foreach (SynthesizedMusic.Note expected in SynthesizedMusic.ScaleAndChords())
        {
            notes.Should().Contain(n => n.Pitch == expected.Pitch && Math.Abs(n.StartSeconds - expected.Start) <= 0.025, $"pitch {expected.Pitch} at {expected.Start} s");
        }

        using HttpResponseMessage response = await client.GetAsync($"/api/tracks/{id}/harmony");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        JsonElement harmony = await TrackJson.ReadAsync(response);
        harmony.GetProperty("trackId").GetString().Should().Be(id);
        harmony.GetProperty("noteCount").GetInt32().Should().Be(notes.Count);
        JsonElement key = harmony.GetProperty("key");
        key.GetProperty("label").GetString().Should().Be("C major", "a C major scale and the chords C, F, G7, Am");
        key.GetProperty("tonic").GetString().Should().Be("C");
        key.GetProperty("mode").GetString().Should().Be("major");
        key.GetProperty("strength").GetDouble().Should().BeInRange(0.6, 1);
        (double Start, double End, string Label)[] chords = [.. harmony.GetProperty("chords").EnumerateArray()
            .Select(c => (c.GetProperty("start").GetDouble(), c.GetProperty("end").GetDouble(), c.GetProperty("label").GetString()!))];
        // F (5.75–6.75 s), G7 (7.0–8.0 s) and A minor (8.25–9.25 s) fill seconds 6, 7 and 8.
        foreach ((int second, string label) in new[] { (6, "F"), (7, "G7"), (8, "Am") })
        {
            chords.Should().Contain(c => c.Start <= second && second + 1 <= c.End && c.Label == label, $"second {second} is {label}");
        }

        chords.Should().BeInAscendingOrder(c => c.Start).And.OnlyContain(c => c.Start < c.End && c.End <= 10.0 + 1e-9);
        // The very chords the Notes package finds in those notes: nothing of its own.
        NoteFeatures expectedFeatures = NoteFeatureAnalyzer.Analyze(notes, harmony.GetProperty("durationSeconds").GetDouble());
        chords.Select(c => c.Label).Should().Equal(Runs(expectedFeatures));
        harmony.GetProperty("links").GetProperty("notesMidi").GetString().Should().Be($"/api/tracks/{id}/notes.mid");
        File.GetLastWriteTimeUtc(kept).Should().Be(written, "the kept notes are read, not transcribed again");
        (await client.GetAsync($"/api/tracks/{id}/notes.mid")).StatusCode.Should().Be(HttpStatusCode.OK);
        File.GetLastWriteTimeUtc(kept).Should().Be(written, "notes.mid serves the kept notes too");
        JsonElement track = await TrackJson.ReadAsync(await client.GetAsync($"/api/tracks/{id}"));
        track.GetProperty("links").GetProperty("harmony").GetString().Should().Be($"/api/tracks/{id}/harmony");
    }

    [Fact]
    public async Task The_harmony_answers_HEAD_and_a_revalidation_with_304()
    {
        HttpClient client = server.Client;
        string id = await UploadAsync(client, NotesMidiTests.ScaleAndChords(seed: 11), "etag.wav");
        using HttpResponseMessage first = await client.GetAsync($"/api/tracks/{id}/harmony");
        using var head = new HttpRequestMessage(HttpMethod.Head, $"/api/tracks/{id}/harmony");
        using HttpResponseMessage headResponse = await client.SendAsync(head);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/tracks/{id}/harmony");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using HttpResponseMessage notModified = await client.SendAsync(conditional);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.ETag.Should().NotBeNull();
        headResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        headResponse.Headers.ETag.Should().Be(first.Headers.ETag);
        headResponse.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        // No body for HEAD is Kestrel's part, checked on Kestrel for every GET route by HeadTests.
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Silence_has_no_key_and_no_chords()
    {
        HttpClient client = server.Client;
        string id = await UploadAsync(client, PcmWav.Encode16(new float[22050 * 4], 22050, 1), "silence.wav");

        JsonElement harmony = await TrackJson.ReadAsync(await client.GetAsync($"/api/tracks/{id}/harmony"));

        harmony.GetProperty("noteCount").GetInt32().Should().Be(0);
        harmony.GetProperty("key").ValueKind.Should().Be(JsonValueKind.Null);
        harmony.GetProperty("chords").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_404_and_400_problems()
    {
        await Problem.ShouldBeAsync(await server.Client.GetAsync($"/api/tracks/{new string('0', 64)}/harmony"), HttpStatusCode.NotFound, "track-not-found");
        await Problem.ShouldBeAsync(await server.Client.GetAsync("/api/tracks/..%2Fcatalog.db/harmony"), HttpStatusCode.BadRequest, "invalid-track-id");
    }

    [Fact]
    public async Task With_the_audio_only_model_the_first_request_transcribes_once_for_the_harmony_and_notes_mid_and_problems_are_those_of_notes_mid()
    {
        using var audioOnly = new AudioModelServer();
        HttpClient client = audioOnly.Client;
        string id = await UploadAsync(client, NotesMidiTests.ScaleAndChords(seed: 12), "audio-only.wav");
        string kept = Path.Combine(audioOnly.Factory.AudioDirectory, id[..2], id + ".notes-1.mid");
        File.Exists(kept).Should().BeFalse("the audio-only model transcribes nothing");

        JsonElement harmony = await TrackJson.ReadAsync(await client.GetAsync($"/api/tracks/{id}/harmony"));

        harmony.GetProperty("key").GetProperty("label").GetString().Should().Be("C major");
        File.Exists(kept).Should().BeTrue("the harmony's transcription is kept as the track's notes");
        DateTime written = File.GetLastWriteTimeUtc(kept);
        (await client.GetAsync($"/api/tracks/{id}/notes.mid")).StatusCode.Should().Be(HttpStatusCode.OK);
        File.GetLastWriteTimeUtc(kept).Should().Be(written, "notes.mid reuses the harmony's transcription");
        Directory.GetFiles(Path.GetDirectoryName(kept)!).Select(Path.GetFileName).Should().BeEquivalentTo([id, id + ".notes-1.mid"], "no temporary file is left");

        // No notes kept and no audio: 404 audio-not-found; audio that does not decode: 422 undecodable, nothing kept.
        string gone = await UploadAsync(client, NotesMidiTests.ScaleAndChords(seed: 13), "gone.wav");
        File.Delete(Path.Combine(audioOnly.Factory.AudioDirectory, gone[..2], gone));
        await Problem.ShouldBeAsync(await client.GetAsync($"/api/tracks/{gone}/harmony"), HttpStatusCode.NotFound, "audio-not-found");
        string damaged = await UploadAsync(client, NotesMidiTests.ScaleAndChords(seed: 14), "damaged.wav");
        string stored = Path.Combine(audioOnly.Factory.AudioDirectory, damaged[..2], damaged);
        File.WriteAllBytes(stored, [.. "RIFF"u8, 0xFF, 0xFF, 0xFF, 0x7F, .. "WAVEjunk"u8, .. new byte[40]]);
        await Problem.ShouldBeAsync(await client.GetAsync($"/api/tracks/{damaged}/harmony"), HttpStatusCode.UnprocessableEntity, "undecodable");
        File.Exists(stored + ".notes-1.mid").Should().BeFalse();
    }

    /// <summary>The chord labels of <paramref name="features"/>' seconds, consecutive equal chords once, seconds without a chord left out.</summary>
    private static List<string> Runs(NoteFeatures features)
    {
        var runs = new List<string>();
        string? previous = null;
        foreach (var chord in features.Chords)
        {
            string? name = chord?.Name;
            if (name is not null && name != previous)
            {
                runs.Add(name);
            }

            previous = name;
        }

        return runs;
    }

    private static async Task<string> UploadAsync(HttpClient client, byte[] wav, string name)
    {
        using HttpResponseMessage response = await UploadRequests.PostAsync(client, wav, name);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await TrackJson.ReadAsync(response)).GetProperty("id").GetString()!;
    }
}
