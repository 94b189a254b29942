using System.Net;
using System.Text.Json;
using MusicEmotion.Inference;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>A decoder the host registers (<c>AddAudioDecoder</c>) reaches the upload check and the analysis of the service.</summary>
public sealed class HostDecoderTests
{
    private static byte[] MeafSong()
    {
        const int rate = 22050;
        float[] samples = new float[rate * 4];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = 0.3f * MathF.Sin(2 * MathF.PI * 330 * i / rate);
        }

        return MeafDecoder.Encode(samples, rate, channels: 1);
    }

    [Fact]
    public async Task A_format_only_a_registered_decoder_reads_is_accepted_and_analysed()
    {
        using var factory = new ServerFactory(services: s => s.AddAudioDecoder<MeafDecoder>());
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await UploadRequests.PostAsync(client, MeafSong(), "tone.meaf");

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        JsonElement track = await TrackJson.ReadAsync(response);
        track.GetProperty("durationSeconds").GetDouble().Should().BeApproximately(4, 0.01);
        TrackJson.Floats(track.GetProperty("arousal")).Should().HaveCount(4);
    }

    [Fact]
    public async Task Without_the_decoder_the_same_upload_is_refused_as_not_audio_and_nothing_is_stored()
    {
        using var factory = new ServerFactory();
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await UploadRequests.PostAsync(client, MeafSong(), "tone.meaf");

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        factory.StoredFiles().Should().BeEmpty();
    }
}
