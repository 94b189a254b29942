namespace MusicEmotion.Audio.Managed;

/// <summary>
/// Reads MPEG audio frames one after another from a forward-only stream, the way a player does: a frame is taken
/// where a valid header of the stream's version, layer and rate stands; anything else (junk, an ID3v1 or APE tag,
/// a damaged stretch) is skipped byte by byte until the next header, which after a skip must be confirmed by the
/// header that follows it. A frame cut short by the end of the stream is dropped. Memory: one 16 KiB buffer.
/// </summary>
internal sealed class MpegFrameReader
{
    private const int BufferSize = 16 * 1024;
    private readonly Stream _stream;
    private readonly MpegFrameHeader _streamHeader;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;
    private bool _endOfStream;

    /// <summary>Reads from <paramref name="stream"/> (positioned at the first frame) frames that match <paramref name="first"/>.</summary>
    public MpegFrameReader(Stream stream, MpegFrameHeader first)
    {
        _stream = stream;
        _streamHeader = first;
    }

    /// <summary>Bytes skipped so far because they were not part of a frame.</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>Loads the next frame into <paramref name="frame"/>; false at the end of the stream.</summary>
    public bool TryReadNext(MpegAudioFrame frame)
    {
        bool resyncing = false;
        while (Fill(4))
        {
            ReadOnlySpan<byte> data = _buffer.AsSpan(_start, _end - _start);
            if (data[0] == 0xFF && MpegFrameHeader.TryParse(data, out MpegFrameHeader header) && header.IsCompatibleWith(_streamHeader))
            {
                int length = header.FrameLength;
                // A frame cut short by the end of the stream (Fill fails only there) is not taken: scanning goes on.
                if (length is > 4 and <= MpegAudioFrame.MaxLength && Fill(length))
                {
                    // After a skip, a header could be a chance match in junk: the next one must agree (unless the stream ends).
                    bool confirmed = !resyncing || !Fill(length + 4)
                        || (MpegFrameHeader.TryParse(_buffer.AsSpan(_start + length, 4), out MpegFrameHeader next) && next.IsCompatibleWith(_streamHeader));
                    if (confirmed)
                    {
                        frame.Load(header, _buffer.AsSpan(_start, length));
                        _start += length;
                        return true;
                    }
                }
            }

            _start++;
            SkippedBytes++;
            resyncing = true;
        }

        return false;
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available from <c>_start</c> unless the stream ends first.</summary>
    private bool Fill(int count)
    {
        if (_end - _start >= count)
        {
            return true;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        while (!_endOfStream && _end < count)
        {
            int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
            {
                _endOfStream = true;
            }

            _end += n;
        }

        return _end - _start >= count;
    }
}
