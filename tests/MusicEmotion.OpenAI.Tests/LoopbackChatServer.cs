using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MusicEmotion.OpenAI.Tests;

/// <summary>A request the server received.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string? Authorization, string Body);

/// <summary>
/// A tiny OpenAI-compatible server on a free 127.0.0.1 port (never the internet): every request is recorded and
/// answered by the handler given at start.
/// </summary>
internal sealed class LoopbackChatServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<ReceivedRequest, HttpListenerResponse, CancellationToken, Task> _respond;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    private LoopbackChatServer(Func<ReceivedRequest, HttpListenerResponse, CancellationToken, Task> respond)
    {
        _respond = respond;
        int port = FreeLoopbackPort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{port}/v1");
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The API base address to give the describer: <c>http://127.0.0.1:{port}/v1</c>.</summary>
    public Uri Endpoint { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Answers every request with <paramref name="status"/> and <paramref name="json"/>.</summary>
    public static LoopbackChatServer Answering(int status, string json) =>
        new((_, response, _) => WriteAsync(response, status, json));

    /// <summary>Accepts requests and never answers them (until disposed).</summary>
    public static LoopbackChatServer Hanging() =>
        new((_, _, stopping) => Task.Delay(Timeout.Infinite, stopping));

    /// <summary>An OpenAI chat completion whose assistant message is <paramref name="content"/>.</summary>
    public static string Completion(string content) => $$$"""
        {"id":"chatcmpl-test","object":"chat.completion","created":1700000000,"model":"test-model",
         "choices":[{"index":0,"message":{"role":"assistant","content":{{{System.Text.Json.JsonSerializer.Serialize(content)}}}},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120}}
        """;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync();
            var request = new ReceivedRequest(
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                context.Request.Headers["Authorization"],
                body);
            Requests.Enqueue(request);
            await _respond(request, context.Response, _stopping.Token);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client went away or the server is stopping.
        }
    }
}
