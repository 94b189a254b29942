using System.Buffers.Binary;

namespace MusicEmotion.Tests.Shared;

/// <summary>Writes canonical 16-bit PCM WAV files for tests and benchmarks (the product's reader is what is under test).</summary>
internal static class PcmWav
{
    /// <summary>A complete WAV file holding <paramref name="interleaved"/> samples (clamped to [-1, 1], rounded to 16 bits).</summary>
    public static byte[] Encode16(ReadOnlySpan<float> interleaved, int sampleRate, int channels)
    {
        int dataBytes = interleaved.Length * 2;
        byte[] bytes = new byte[44 + dataBytes];
        Span<byte> b = bytes;
        "RIFF"u8.CopyTo(b);
        BinaryPrimitives.WriteInt32LittleEndian(b[4..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(b[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(b[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(b[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(b[22..], (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(b[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(b[28..], sampleRate * channels * 2);
        BinaryPrimitives.WriteInt16LittleEndian(b[32..], (short)(channels * 2));
        BinaryPrimitives.WriteInt16LittleEndian(b[34..], 16);
        "data"u8.CopyTo(b[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(b[40..], dataBytes);
        for (int i = 0; i < interleaved.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(b[(44 + (2 * i))..], (short)Math.Clamp(Math.Round(interleaved[i] * 32767.0), -32768, 32767));
        }

        return bytes;
    }

    /// <summary>Copies a mono signal to every channel (interleaved).</summary>
    public static float[] Interleave(ReadOnlySpan<float> mono, int channels)
    {
        float[] interleaved = new float[mono.Length * channels];
        for (int i = 0; i < interleaved.Length; i++)
        {
            interleaved[i] = mono[i / channels];
        }

        return interleaved;
    }
}
