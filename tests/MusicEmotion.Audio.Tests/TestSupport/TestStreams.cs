using System.Buffers.Binary;

namespace MusicEmotion.Audio.Tests.TestSupport;

/// <summary>A stream that can only be read forwards, like a pipe: no length, no position, no seeking, no writing.</summary>
internal abstract class ForwardOnlyStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Wraps bytes in a stream that cannot seek, like a pipe.</summary>
internal sealed class NonSeekableStream(byte[] bytes) : ForwardOnlyStream
{
    private readonly MemoryStream _inner = new(bytes);

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 1000));
}

/// <summary>A non-seekable WAV stream of a given length whose sample bytes are produced on demand.</summary>
internal sealed class SyntheticWavStream : ForwardOnlyStream
{
    private readonly byte[] _header;
    private readonly long _length;
    private long _position;

    public SyntheticWavStream(int rate, int channels, long frames)
    {
        long dataBytes = frames * channels * 2;
        _header = new WavBuilder { SampleRate = rate, Channels = channels }.Build([]);
        BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(_header.Length - 4), (uint)dataBytes);
        _length = _header.Length + dataBytes;
    }


    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = (int)Math.Min(buffer.Length, _length - _position);
        int fromHeader = (int)Math.Clamp(_header.Length - _position, 0, n);
        _header.AsSpan((int)Math.Min(_position, _header.Length), fromHeader).CopyTo(buffer);
        buffer[fromHeader..n].Fill(0x21);

        _position += n;
        return n;
    }
}
