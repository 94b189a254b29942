using System.Net;

namespace MusicEmotion.Server.Tests.Support;

/// <summary>A request body sent in two parts: the first at once, the rest when <see cref="Release"/> is called (a slow client).</summary>
internal sealed class GatedContent : HttpContent
{
    private readonly byte[] _body;
    private readonly int _split;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GatedContent(HttpContent inner, int split)
    {
        _body = inner.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        _split = split;
        Headers.ContentType = inner.Headers.ContentType;
    }

    /// <summary>Lets the rest of the body go.</summary>
    public void Release() => _gate.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(_body.AsMemory(0, _split));
        await stream.FlushAsync();
        await _gate.Task;
        await stream.WriteAsync(_body.AsMemory(_split));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1; // chunked: the server cannot know the size in advance
        return false;
    }
}
