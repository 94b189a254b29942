using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MusicEmotion.Server.Tests.Support;

/// <summary>
/// The real service (Program) in a test host with its own data folder, deleted at the end; settings as configuration
/// keys (e.g. <c>MusicEmotion:ApiKey</c>). <see cref="StartOnLoopback"/> runs it on Kestrel at 127.0.0.1 instead of the
/// in-memory server, for the browser and load tests.
/// </summary>
internal sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsData;

    public ServerFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, TempDirectory? data = null)
    {
        _ownsData = data is null;
        Data = data ?? new TempDirectory();
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["MusicEmotion:DataDirectory"] = Data.Path,
        };
        _services = services;
    }

    /// <summary>The service's data folder.</summary>
    public TempDirectory Data { get; }

    /// <summary>The audio folder.</summary>
    public string AudioDirectory => Path.Combine(Data.Path, "audio");

    /// <summary>Runs the service on Kestrel at 127.0.0.1 (a free port) and returns its address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        string address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Every file under the data folder, relative to it, sorted (the lock and SQLite side files left out).</summary>
    public IReadOnlyList<string> StoredFiles() => Directory.EnumerateFiles(Data.Path, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Data.Path, f).Replace('\\', '/'))
        .Where(f => !f.StartsWith("catalog.db", StringComparison.Ordinal) && f != "audio/.lock")
        .Order(StringComparer.Ordinal)
        .ToArray();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach ((string key, string? value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsData)
        {
            Data.Dispose();
        }
    }
}
