namespace MusicEmotion.Server.Tests.Support;

/// <summary>
/// One service running the audio-only model (<c>Analyzer:PreferNotesModel</c> false), shared by the tests of a class: its
/// analyses transcribe no notes, so a track's notes are transcribed when first asked for.
/// </summary>
public sealed class AudioModelServer : IDisposable
{
    private readonly Lazy<HttpClient> _client;

    public AudioModelServer() => _client = new Lazy<HttpClient>(() => Factory.CreateClient());

    internal ServerFactory Factory { get; } = new(new Dictionary<string, string?> { ["MusicEmotion:Analyzer:PreferNotesModel"] = "false" });

    internal HttpClient Client => _client.Value;

    public void Dispose() => Factory.Dispose();
}
