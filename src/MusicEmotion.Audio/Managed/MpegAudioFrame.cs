using NLayer;

namespace MusicEmotion.Audio.Managed;

/// <summary>
/// One MPEG audio frame's bytes, handed to NLayer's <see cref="MpegFrameDecoder"/>. Reading starts after the header
/// and the CRC (where side information begins), as NLayer's own frames do; past the frame's end it returns -1.
/// The buffer is reused for every frame of a stream.
/// </summary>
internal sealed class MpegAudioFrame : IMpegFrame
{
    /// <summary>The largest frame: Layer II at 384 kbit/s and 32 kHz is 1,728 bytes; Layer I 448 kbit/s at 32 kHz 1,680.</summary>
    public const int MaxLength = 2048;

    private readonly byte[] _data = new byte[MaxLength];
    private int _length;
    private int _bitPosition;
    private MpegFrameHeader _header;

    /// <summary>The parsed header of the frame now held.</summary>
    public MpegFrameHeader Header => _header;

    /// <summary>Takes <paramref name="bytes"/> (a whole frame, header included) as the current frame.</summary>
    public void Load(MpegFrameHeader header, ReadOnlySpan<byte> bytes)
    {
        _header = header;
        bytes.CopyTo(_data);
        _length = bytes.Length;
        Reset();
    }

    public int SampleRate => _header.SampleRate;

    public int SampleRateIndex => (int)(_header.Word >> 10) & 3;

    public int FrameLength => _length;

    public int BitRate => _header.BitRate;

    public MpegVersion Version => _header.Version switch
    {
        1 => MpegVersion.Version1,
        2 => MpegVersion.Version2,
        _ => MpegVersion.Version25,
    };

    public MpegLayer Layer => (MpegLayer)_header.Layer;

    public MpegChannelMode ChannelMode => (MpegChannelMode)((_header.Word >> 6) & 3);

    public int ChannelModeExtension => (int)(_header.Word >> 4) & 3;

    public int SampleCount => _header.SamplesPerFrame;

    public int BitRateIndex => (int)(_header.Word >> 12) & 15;

    public bool IsCopyrighted => (_header.Word & 8) != 0;

    public bool HasCrc => _header.HasCrc;

    /// <summary>The CRC is not checked (neither does ffmpeg by default): a damaged frame decodes as well as it can.</summary>
    public bool IsCorrupted => false;

    public void Reset() => _bitPosition = (4 + (_header.HasCrc ? 2 : 0)) * 8;

    public int ReadBits(int bitCount)
    {
        if (bitCount is < 0 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(bitCount), bitCount, "Between 0 and 32 bits can be read at once.");
        }

        if (_bitPosition + bitCount > _length * 8)
        {
            return -1;
        }

        int value = 0;
        int remaining = bitCount;
        while (remaining > 0)
        {
            int bitOffset = _bitPosition & 7;
            int take = Math.Min(8 - bitOffset, remaining);
            int bits = (_data[_bitPosition >> 3] >> (8 - bitOffset - take)) & ((1 << take) - 1);
            value = (value << take) | bits;
            remaining -= take;
            _bitPosition += take;
        }

        return value;
    }
}
