using System.Net;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Decoding;
using MusicEmotion.Inference;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>A decoder that fails (ffmpeg missing or broken) is the service's environment, not the client's audio: 503, nothing stored.</summary>
public sealed class DecoderFailureTests
{
    [Fact]
    public async Task A_failing_decoder_is_answered_as_unavailable_not_as_bad_audio_and_nothing_is_stored()
    {
        using var factory = new ServerFactory(services: s => s.AddAudioDecoder<FailingMeafDecoder>());
        using HttpClient client = factory.CreateClient();
        byte[] song = MeafDecoder.Encode(new float[22050 * 2], 22050, channels: 1);

        using HttpResponseMessage response = await UploadRequests.PostAsync(client, song, "song.meaf");

        await Problem.ShouldBeAsync(response, HttpStatusCode.ServiceUnavailable, "unavailable");
        factory.StoredFiles().Should().BeEmpty();
    }

    /// <summary>Claims MEAF content, then fails as a decoder whose executable cannot start would.</summary>
    private sealed class FailingMeafDecoder : IAudioDecoder
    {
        public string Name => "failing-meaf";

        public bool CanDecode(ReadOnlySpan<byte> header) => header.StartsWith("MEAF"u8);

        public ISampleSource Open(string path, CancellationToken cancellationToken = default) => throw Failure(path);

        public ISampleSource Open(Stream stream, string sourceName, CancellationToken cancellationToken = default) => throw Failure(sourceName);

        public AudioFileInfo Probe(string path, CancellationToken cancellationToken = default) => throw Failure(path);

        private static AudioDecoderException Failure(string source) => new(source, "'meaf-tool' could not be started (No such file or directory)");
    }
}
