using System.Buffers.Binary;

namespace AotSmoke;

/// <summary>A 16-bit PCM stereo WAV of one sine tone, a different amplitude on each channel, written by hand.</summary>
internal sealed class ToneWav
{
    public const int SampleRate = 44100;
    public const int Channels = 2;

    public ToneWav(double frequency, double seconds, double leftAmplitude, double rightAmplitude)
    {
        Frequency = frequency;
        LeftAmplitude = leftAmplitude;
        RightAmplitude = rightAmplitude;
        Frames = (int)Math.Round(seconds * SampleRate);
        Pcm = new short[Frames * Channels];
        for (int i = 0; i < Frames; i++)
        {
            double s = Math.Sin(2 * Math.PI * frequency * i / SampleRate);
            Pcm[2 * i] = (short)Math.Round(s * leftAmplitude * short.MaxValue);
            Pcm[(2 * i) + 1] = (short)Math.Round(s * rightAmplitude * short.MaxValue);
        }
    }

    public double Frequency { get; }

    public double LeftAmplitude { get; }

    public double RightAmplitude { get; }

    public int Frames { get; }

    /// <summary>Interleaved samples, left first.</summary>
    public short[] Pcm { get; }

    /// <summary>The whole file: RIFF/WAVE, a 16-byte fmt chunk (PCM), a data chunk.</summary>
    public byte[] ToBytes()
    {
        int dataBytes = Pcm.Length * sizeof(short);
        var bytes = new byte[44 + dataBytes];
        Span<byte> b = bytes;
        "RIFF"u8.CopyTo(b);
        BinaryPrimitives.WriteInt32LittleEndian(b[4..], 36 + dataBytes);
        "WAVE"u8.CopyTo(b[8..]);
        "fmt "u8.CopyTo(b[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(b[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(b[20..], 1);                       // PCM
        BinaryPrimitives.WriteInt16LittleEndian(b[22..], Channels);
        BinaryPrimitives.WriteInt32LittleEndian(b[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(b[28..], SampleRate * Channels * sizeof(short));
        BinaryPrimitives.WriteInt16LittleEndian(b[32..], Channels * sizeof(short));
        BinaryPrimitives.WriteInt16LittleEndian(b[34..], 16);
        "data"u8.CopyTo(b[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(b[40..], dataBytes);
        for (int i = 0; i < Pcm.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(b[(44 + (2 * i))..], Pcm[i]);
        }

        return bytes;
    }
}
