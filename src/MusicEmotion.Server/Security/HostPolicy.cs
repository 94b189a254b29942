using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using MusicEmotion.Server.Configuration;
using MusicEmotion.Server.Logging;

namespace MusicEmotion.Server.Security;

/// <summary>
/// The Host names the service answers to, so that a web page cannot reach it under a name of its own (DNS rebinding):
/// the top-level <c>AllowedHosts</c> setting when it is set (<c>;</c>-separated; <c>*</c> for any, <c>*.example.com</c>
/// for subdomains), otherwise the loopback names (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>) and the hosts of
/// <see cref="ServerOptions.PublicUrls"/> — plus, when the service listens on more than loopback, the machine's name and
/// addresses. Decided once, at the first request (when the listening addresses are known), and logged.
/// </summary>
internal sealed class HostPolicy
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];
    private readonly Lazy<StringSegment[]> _patterns;

    public HostPolicy(IConfiguration configuration, IServer server, IOptions<ServerOptions> options, ILogger<HostPolicy> logger) =>
        _patterns = new Lazy<StringSegment[]>(() =>
        {
            (string[] hosts, string reason) = Decide(configuration["AllowedHosts"], ListeningAddresses(server), options.Value.PublicUrls);
            ServerLog.HostsAccepted(logger, string.Join(", ", hosts), reason);
            return hosts.Select(h => new StringSegment(h)).ToArray();
        });

    /// <summary>Whether a request with the Host header <paramref name="host"/> is answered (an absent Host, HTTP/1.0, is).</summary>
    public bool Allows(HostString host) => !host.HasValue || HostString.MatchesAny(host.Value, _patterns.Value);

    /// <summary>The accepted names and why; pure, for tests.</summary>
    /// <param name="configured">The <c>AllowedHosts</c> setting, if any.</param>
    /// <param name="listening">The addresses the server listens on (empty when unknown, e.g. an in-memory test server).</param>
    /// <param name="publicUrls">The service's public URLs.</param>
    internal static (string[] Hosts, string Reason) Decide(string? configured, IReadOnlyCollection<string> listening, IReadOnlyList<string> publicUrls)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), "the AllowedHosts setting");
        }

        var hosts = new List<string>(LoopbackNames);
        hosts.AddRange(publicUrls.Select(u => new Uri(u).Host.ToLowerInvariant()));
        if (listening.All(IsLoopback))
        {
            return (hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                "listening on loopback only; set AllowedHosts or MusicEmotion:PublicUrls to accept other names");
        }

        hosts.Add(Dns.GetHostName().ToLowerInvariant());
        hosts.AddRange(MachineAddresses());
        return (hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            "listening beyond loopback: the loopback names, this machine's name and addresses; set AllowedHosts or MusicEmotion:PublicUrls for the names clients use");
    }

    /// <summary>Whether a listening address (e.g. <c>http://127.0.0.1:5080</c>, <c>http://localhost:5000</c>, <c>http://+:80</c>) is loopback only.</summary>
    internal static bool IsLoopback(string address)
    {
        string normalised = address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out Uri? uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? ip) && IPAddress.IsLoopback(ip));
    }

    private static string[] ListeningAddresses(IServer server) => server.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    private static IEnumerable<string> MachineAddresses()
    {
        IEnumerable<IPAddress> addresses;
        try
        {
            addresses = NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(a => a.Address))
                .ToArray();
        }
        catch (NetworkInformationException)
        {
            yield break;
        }

        foreach (IPAddress address in addresses)
        {
            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                yield return address.ToString();
            }
            else if (address.AddressFamily == AddressFamily.InterNetworkV6 && !address.IsIPv6LinkLocal)
            {
                yield return $"[{address}]";
            }
        }
    }
}
