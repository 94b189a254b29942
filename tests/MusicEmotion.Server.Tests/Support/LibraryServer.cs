using System.Text.Json;

namespace MusicEmotion.Server.Tests.Support;

/// <summary>A service holding three different synthetic songs (ids in upload order), shared by the read and recommendation tests.</summary>
public sealed class LibraryServer : IAsyncLifetime
{
    internal ServerFactory Factory { get; } = new();

    internal HttpClient Client { get; private set; } = null!;

    internal List<string> Ids { get; } = [];

    internal List<byte[]> Songs { get; } = [];

    public async Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        for (int seed = 1; seed <= 3; seed++)
        {
            byte[] wav = TestAudio.Wav(5 + seed, seed: 900 + seed);
            using HttpResponseMessage response = await UploadRequests.PostAsync(Client, wav, $"song {seed}.wav");
            response.EnsureSuccessStatusCode();
            JsonElement track = await TrackJson.ReadAsync(response);
            Ids.Add(track.GetProperty("id").GetString()!);
            Songs.Add(wav);
        }
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
