using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MusicEmotion.Server.Tests.Support;

/// <summary>
/// An upload sent as an attacker would, over a raw socket from a chosen local address (any of 127.0.0.0/8 reaches a
/// service on 127.0.0.1, so one test can be several clients): the headers and the start of a form at once, then the body
/// a few bytes at a time. It reads the answer while it sends, and reports the status the service answered with.
/// </summary>
internal static class SlowUpload
{
    /// <summary>What became of one slow upload.</summary>
    /// <param name="Status">The status answered (0 when the connection closed without a readable answer).</param>
    /// <param name="Body">The answer's body as received (may be cut).</param>
    /// <param name="Elapsed">From connecting to the answer or the close.</param>
    /// <param name="BytesSent">Body bytes sent before the end.</param>
    public sealed record Outcome(int Status, string Body, TimeSpan Elapsed, long BytesSent);

    /// <summary>Whether this machine can send from <paramref name="address"/> (Linux answers for all of 127.0.0.0/8; macOS only for 127.0.0.1 unless aliased).</summary>
    public static bool CanSendFrom(IPAddress address)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Sends an upload from <paramref name="from"/> at about <paramref name="bytesPerSecond"/> until the service answers or <paramref name="stop"/> fires.</summary>
    /// <param name="server">The service (http://127.0.0.1:port/).</param>
    /// <param name="from">The local address to send from.</param>
    /// <param name="bytesPerSecond">The body's rate (sent in slices ten times a second).</param>
    /// <param name="stop">Gives up: the outcome is then status 0 unless an answer had arrived.</param>
    /// <param name="headers">Further request headers, e.g. <c>Origin: https://evil.example</c>.</param>
    /// <remarks>With <paramref name="bytesPerSecond"/> 0 nothing of the file is sent: the answer must come without it.</remarks>
    public static async Task<Outcome> SendAsync(Uri server, IPAddress from, int bytesPerSecond, CancellationToken stop, params string[] headers)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Bind(new IPEndPoint(from, 0));
        const string boundary = "slow-upload-boundary";
        string head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n";
        string extra = string.Concat(headers.Select(h => h + "\r\n"));
        string request = $"POST /api/tracks HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n"
            + $"Content-Length: {5_000_000}\r\n{extra}\r\n" + head;
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(server.Host), server.Port), stop);
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return new Outcome(0, "", clock.Elapsed, 0); // the caller stopped before the request was out (a busy machine connects slowly)
        }


        var received = new MemoryStream();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stop);
        Task reading = ReadAsync(socket, received, done);
        long sent = 0;
        byte[] slice = Enumerable.Repeat((byte)0xFF, Math.Max(1, bytesPerSecond / 10)).ToArray();
        try
        {
            while (!done.IsCancellationRequested)
            {
                await Task.Delay(100, done.Token);
                if (bytesPerSecond <= 0)
                {
                    continue;
                }

                await socket.SendAsync(slice, SocketFlags.None, done.Token);
                sent += slice.Length;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The answer came (reading cancels the sending), the service closed the connection, or the caller stopped.
        }

        await reading;
        string text = Encoding.UTF8.GetString(received.ToArray());
        int status = text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(text.AsSpan(9, 3), out int code) ? code : 0;
        int bodyStart = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return new Outcome(status, bodyStart < 0 ? "" : text[(bodyStart + 4)..], clock.Elapsed, sent);
    }

    private static async Task ReadAsync(Socket socket, MemoryStream received, CancellationTokenSource done)
    {
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                int read = await socket.ReceiveAsync(buffer, SocketFlags.None, done.Token);
                if (read == 0)
                {
                    break;
                }

                received.Write(buffer, 0, read);
                if (Complete(received))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            done.Cancel(); // stop sending
        }
    }

    /// <summary>Whether a whole answer (headers and a Content-Length body) has arrived.</summary>
    private static bool Complete(MemoryStream received)
    {
        string text = Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
        int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        foreach (string line in text[..end].Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase) && int.TryParse(line.AsSpan(15).Trim(), out int length))
            {
                return Encoding.UTF8.GetByteCount(text) - (end + 4) >= length;
            }
        }

        return text.Contains("\r\n0\r\n\r\n", StringComparison.Ordinal); // chunked
    }
}
