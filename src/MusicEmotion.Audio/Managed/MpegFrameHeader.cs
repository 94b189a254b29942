using System.Buffers.Binary;

namespace MusicEmotion.Audio.Managed;

/// <summary>The 4-byte header of one MPEG-1/2/2.5 audio frame (Layer I, II or III), as ISO 11172-3 / 13818-3 define it.</summary>
internal readonly record struct MpegFrameHeader(uint Word, int Version, int Layer, int BitRate, int SampleRate, int Channels, bool HasCrc, bool Padded)
{
    private static readonly int[][] BitRatesMpeg1 =
    [
        [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
        [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
        [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    ];

    private static readonly int[][] BitRatesMpeg2 =
    [
        [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
        [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
        [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    ];

    /// <summary>Audio samples per channel that one frame decodes to.</summary>
    public int SamplesPerFrame => Layer switch
    {
        1 => 384,
        2 => 1152,
        _ => Version == 1 ? 1152 : 576,
    };

    /// <summary>Bytes of the whole frame, header included.</summary>
    public int FrameLength => Layer == 1
        ? ((12 * BitRate / SampleRate) + (Padded ? 1 : 0)) * 4
        : (SamplesPerFrame / 8 * BitRate / SampleRate) + (Padded ? 1 : 0);

    /// <summary>Bytes of Layer III side information after the header (and CRC), where a Xing/Info tag begins.</summary>
    public int SideInfoLength => Version == 1 ? (Channels == 1 ? 17 : 32) : (Channels == 1 ? 9 : 17);

    /// <summary>Whether <paramref name="other"/> belongs to the same stream (version, layer and sample rate agree).</summary>
    public bool IsCompatibleWith(MpegFrameHeader other) =>
        other.Version == Version && other.Layer == Layer && other.SampleRate == SampleRate;

    /// <summary>"MPEG-1 Layer III" and the like.</summary>
    public string Describe() => $"MPEG-{(Version == 25 ? "2.5" : Version.ToString(System.Globalization.CultureInfo.InvariantCulture))} Layer {new string('I', Layer)}";

    /// <summary>Parses a header; false for anything that is not a valid, free-format-less frame header.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out MpegFrameHeader header)
    {
        header = default;
        if (bytes.Length < 4)
        {
            return false;
        }

        uint word = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if ((word & 0xFFE00000) != 0xFFE00000)
        {
            return false;
        }

        int versionBits = (int)(word >> 19) & 3;
        int layerBits = (int)(word >> 17) & 3;
        int bitRateIndex = (int)(word >> 12) & 15;
        int sampleRateIndex = (int)(word >> 10) & 3;
        if (versionBits == 1 || layerBits == 0 || bitRateIndex is 0 or 15 || sampleRateIndex == 3)
        {
            return false; // reserved version or layer, free format, bad bit rate, reserved rate
        }

        int version = versionBits switch { 3 => 1, 2 => 2, _ => 25 };
        int layer = 4 - layerBits;
        int bitRate = (version == 1 ? BitRatesMpeg1 : BitRatesMpeg2)[layer - 1][bitRateIndex - 1] * 1000;
        int baseRate = sampleRateIndex switch { 0 => 44100, 1 => 48000, _ => 32000 };
        int sampleRate = version switch { 1 => baseRate, 2 => baseRate / 2, _ => baseRate / 4 };
        int channels = ((word >> 6) & 3) == 3 ? 1 : 2;
        bool hasCrc = (word & 0x00010000) == 0;
        bool padded = (word & 0x00000200) != 0;
        header = new MpegFrameHeader(word, version, layer, bitRate, sampleRate, channels, hasCrc, padded);
        return true;
    }
}
