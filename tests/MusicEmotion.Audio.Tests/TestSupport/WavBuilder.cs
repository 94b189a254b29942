using System.Buffers.Binary;

namespace MusicEmotion.Audio.Tests.TestSupport;

/// <summary>Builds WAV files byte by byte, including deliberately broken ones.</summary>
internal sealed class WavBuilder
{
    public int FormatTag { get; init; } = 1;
    public bool Extensible { get; init; }
    public int Channels { get; init; } = 1;
    public int SampleRate { get; init; } = 8000;
    public int BitsPerSample { get; init; } = 16;
    public int? BlockAlignOverride { get; init; }
    public uint? DataSizeOverride { get; init; }
    public int? FmtSizeOverride { get; init; }
    public List<(string Id, byte[] Body)> ChunksBeforeFmt { get; init; } = [];
    public List<(string Id, byte[] Body)> ChunksBeforeData { get; init; } = [];

    public byte[] Build(ReadOnlySpan<byte> data)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("RIFF"u8);
        w.Write(0u); // patched below
        w.Write("WAVE"u8);
        foreach (var (id, body) in ChunksBeforeFmt)
        {
            WriteChunk(w, id, body);
        }

        int blockAlign = BlockAlignOverride ?? Channels * BitsPerSample / 8;
        w.Write("fmt "u8);
        int fmtSize = FmtSizeOverride ?? (Extensible ? 40 : 16);
        w.Write(fmtSize);
        w.Write((ushort)(Extensible ? 0xFFFE : FormatTag));
        w.Write((ushort)Channels);
        w.Write(SampleRate);
        w.Write(SampleRate * blockAlign);
        w.Write((ushort)blockAlign);
        w.Write((ushort)BitsPerSample);
        if (Extensible)
        {
            w.Write((ushort)22);
            w.Write((ushort)BitsPerSample);
            w.Write(Channels == 2 ? 3 : 4);
            w.Write((ushort)FormatTag);
            w.Write(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 });
        }
        else if (fmtSize > 16)
        {
            w.Write(new byte[fmtSize - 16]);
        }

        foreach (var (id, body) in ChunksBeforeData)
        {
            WriteChunk(w, id, body);
        }

        w.Write("data"u8);
        w.Write(DataSizeOverride ?? (uint)data.Length);
        w.Write(data);
        w.Flush();
        byte[] bytes = ms.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    private static void WriteChunk(BinaryWriter w, string id, byte[] body)
    {
        w.Write(System.Text.Encoding.ASCII.GetBytes(id));
        w.Write(body.Length);
        w.Write(body);
        if (body.Length % 2 == 1)
        {
            w.Write((byte)0);
        }
    }

    public static byte[] Pcm16(params short[] samples)
    {
        byte[] data = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i * 2), samples[i]);
        }

        return data;
    }

    /// <summary>A 16-bit mono or stereo sine wave as a complete WAV file.</summary>
    public static byte[] Sine(int sampleRate, double frequency, double seconds, int channels = 1, double amplitude = 0.5)
    {
        int frames = (int)(sampleRate * seconds);
        short[] samples = new short[frames * channels];
        for (int i = 0; i < frames; i++)
        {
            short v = (short)Math.Round(amplitude * 32767 * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
            for (int c = 0; c < channels; c++)
            {
                samples[i * channels + c] = v;
            }
        }

        return new WavBuilder { Channels = channels, SampleRate = sampleRate }.Build(Pcm16(samples));
    }
}
