namespace MusicEmotion.Audio.Managed;

/// <summary>
/// Hands a third-party decoder a forward-only, non-seekable view of the input and stops it from spinning at the end:
/// once the input has ended, more than <see cref="MaxReadsAfterEnd"/> further reads mean the decoder is looping on
/// corrupt data (NVorbis 0.10.5 can replay a broken page forever), and the next read throws
/// <see cref="AudioFormatException"/>. Disposing it disposes the input.
/// </summary>
internal sealed class ForwardOnlyGuardStream(Stream inner, string sourceName, string decoderName) : Stream
{
    /// <summary>Reads that may follow the end of the input (decoders retry short reads a few times each).</summary>
    public const int MaxReadsAfterEnd = 1000;

    private int _readsAfterEnd;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int n = inner.Read(buffer);
        if (n == 0 && ++_readsAfterEnd > MaxReadsAfterEnd)
        {
            throw new AudioFormatException(sourceName, $"{decoderName} kept reading past the end of the data (corrupt stream)");
        }

        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
