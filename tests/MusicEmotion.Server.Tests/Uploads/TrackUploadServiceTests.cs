using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Server.Concurrency;
using MusicEmotion.Server.Storage;
using MusicEmotion.Server.Tests.Support;
using MusicEmotion.Server.Uploads;

namespace MusicEmotion.Server.Tests.Uploads;

/// <summary>The upload flow without HTTP: a staged upload in, a stored track or a typed refusal out.</summary>
public sealed class TrackUploadServiceTests
{
    private static StagedUpload Stage(ServerFactory factory, byte[] content, string container, string name)
    {
        string path = factory.Services.GetRequiredService<TrackAudioStore>().NewStagingPath();
        File.WriteAllBytes(path, content);
        return new StagedUpload(path, Convert.ToHexStringLower(SHA256.HashData(content)), content.Length, container, name, TimeSpan.Zero);
    }

    private static async Task<UploadOutcome> AddAsync(ServerFactory factory, StagedUpload upload)
    {
        using WorkGate.Admission admission = factory.Services.GetRequiredService<UploadGate>().TryAdmit()!;
        return await factory.Services.GetRequiredService<TrackUploadService>().AddAsync(upload, admission, CancellationToken.None);
    }

    [Fact]
    public async Task A_staged_song_is_stored_once_and_the_same_content_again_finds_it()
    {
        using var factory = new ServerFactory();
        byte[] wav = TestAudio.Wav(4, seed: 41);

        UploadOutcome first, second;
        using (StagedUpload upload = Stage(factory, wav, "wav", "song.wav"))
        {
            first = await AddAsync(factory, upload);
        }

        using (StagedUpload again = Stage(factory, wav, "wav", "again.wav"))
        {
            second = await AddAsync(factory, again);
        }

        first.Created.Should().BeTrue();
        first.Track.SourceName.Should().Be("song.wav");
        second.Created.Should().BeFalse();
        second.Track.Id.Should().Be(first.Track.Id);
        factory.StoredFiles().Should().Equal($"audio/{first.Track.Id[..2]}/{first.Track.Id}", $"audio/{first.Track.Id[..2]}/{first.Track.Id}.notes-1.mid");
    }

    [Fact]
    public async Task The_same_content_whose_row_another_model_made_is_re_analysed_and_its_row_replaced()
    {
        using var factory = new ServerFactory();
        byte[] wav = TestAudio.Wav(4, seed: 43);
        ITrackCatalog catalog = factory.Services.GetRequiredService<ITrackCatalog>();
        UploadOutcome first;
        using (StagedUpload upload = Stage(factory, wav, "wav", "song.wav"))
        {
            first = await AddAsync(factory, upload);
        }

        // What a catalog made before the shipped model changed holds: the same audio, a row of an older model.
        (await catalog.RemoveAsync(first.Track.Id)).Should().BeTrue();
        (await catalog.AddAsync(first.Track with { ModelVersion = "0.9.0" })).Should().BeTrue();

        UploadOutcome again;
        using (StagedUpload upload = Stage(factory, wav, "wav", "song.wav"))
        {
            again = await AddAsync(factory, upload);
        }

        again.Created.Should().BeFalse("the track was there; it was analysed again");
        again.Track.ModelVersion.Should().Be(first.Track.ModelVersion);
        (await catalog.GetAsync(first.Track.Id))!.ModelVersion.Should().Be(first.Track.ModelVersion);
        (await catalog.CountAsync()).Should().Be(1);
        factory.StoredFiles().Should().Equal($"audio/{first.Track.Id[..2]}/{first.Track.Id}", $"audio/{first.Track.Id[..2]}/{first.Track.Id}.notes-1.mid");
    }

    [Fact]
    public async Task The_same_content_whose_row_was_stored_before_the_melody_block_is_re_analysed_and_gets_the_block()
    {
        using var factory = new ServerFactory();
        byte[] wav = TestAudio.Wav(4, seed: 47);
        ITrackCatalog catalog = factory.Services.GetRequiredService<ITrackCatalog>();
        UploadOutcome first;
        using (StagedUpload upload = Stage(factory, wav, "wav", "song.wav"))
        {
            first = await AddAsync(factory, upload);
        }

        first.Track.Blocks.Melody.Should().NotBeNull("the service runs the note-aware model");
        // The same model's row as stored before the melody block existed.
        (await catalog.RemoveAsync(first.Track.Id)).Should().BeTrue();
        Recommend.Vectors.TrackVectorBlocks blocks = first.Track.Blocks;
        (await catalog.AddAsync(first.Track with { Blocks = new(blocks.Descriptors, blocks.EmotionStatistics, blocks.EmotionArc) })).Should().BeTrue();

        UploadOutcome again;
        using (StagedUpload upload = Stage(factory, wav, "wav", "song.wav"))
        {
            again = await AddAsync(factory, upload);
        }

        again.Created.Should().BeFalse("the track was there; it was analysed again");
        (await catalog.GetAsync(first.Track.Id))!.Blocks.Melody.Should().Equal(first.Track.Blocks.Melody);
        (await catalog.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Content_no_decoder_claims_is_refused_as_not_audio_naming_the_clients_file_not_the_staged_path()
    {
        using var factory = new ServerFactory();
        byte[] text = "this is not audio, only words"u8.ToArray();

        using StagedUpload upload = Stage(factory, text, "unknown", "notes.txt");
        UploadRefusedException refusal = (await FluentActions.Awaiting(() => AddAsync(factory, upload)).Should().ThrowAsync<UploadRefusedException>()).Which;

        refusal.Reason.Should().Be(UploadRefusal.NotAudio);
        refusal.TrackId.Should().Be(upload.TrackId);
        refusal.Message.Should().Contain("notes.txt").And.NotContain(upload.Path);
        upload.Dispose();
        factory.StoredFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task Audio_longer_than_the_limit_is_refused_as_too_long_and_nothing_is_stored()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["MusicEmotion:MaxDurationSeconds"] = "3" });

        using StagedUpload upload = Stage(factory, TestAudio.Wav(6, seed: 42), "wav", "long.wav");
        UploadRefusedException refusal = (await FluentActions.Awaiting(() => AddAsync(factory, upload)).Should().ThrowAsync<UploadRefusedException>()).Which;

        refusal.Reason.Should().Be(UploadRefusal.TooLong);
        refusal.Message.Should().Contain("long.wav").And.Contain("the limit is 3 s");
        upload.Dispose();
        factory.StoredFiles().Should().BeEmpty();
    }
}
