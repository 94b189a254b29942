namespace MusicEmotion.Audio.Decoding;

/// <summary>
/// A read-only forward stream that first replays bytes already read from <c>inner</c> (the sniffed
/// header) and then continues with <c>inner</c>, so a non-seekable stream can be inspected before a
/// decoder is chosen.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner) : ForwardReadStream(inner)
{
    private int _prefixPosition;

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition < prefixLength)
        {
            int n = Math.Min(buffer.Length, prefixLength - _prefixPosition);
            prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
            _prefixPosition += n;
            return n;
        }

        return Inner.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_prefixPosition < prefixLength)
        {
            return Read(buffer.Span);
        }

        return await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
