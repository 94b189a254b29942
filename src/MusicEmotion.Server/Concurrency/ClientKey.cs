using System.Net;
using System.Net.Sockets;

namespace MusicEmotion.Server.Concurrency;

/// <summary>
/// Who a client is for per-client limits: its IPv4 address, or the /64 network of its IPv6 address (one subscriber
/// usually holds a whole /64, so counting single IPv6 addresses would let one client pose as many).
/// </summary>
internal static class ClientKey
{
    /// <summary>The key of <paramref name="address"/>, or null when the server does not know it (a Unix socket, an in-memory test server): no per-client count then.</summary>
    public static string? Of(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        byte[] bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
