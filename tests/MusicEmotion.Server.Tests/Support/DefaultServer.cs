namespace MusicEmotion.Server.Tests.Support;

/// <summary>One service with the default settings, shared by the tests of a class (each test uploads its own content).</summary>
public sealed class DefaultServer : IDisposable
{
    internal ServerFactory Factory { get; } = new();

    internal HttpClient Client => _client.Value;

    private readonly Lazy<HttpClient> _client;

    public DefaultServer() => _client = new Lazy<HttpClient>(() => Factory.CreateClient());

    public void Dispose() => Factory.Dispose();
}
