using System.Buffers.Binary;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Decoding;

namespace MusicEmotion.Tests.Shared;

/// <summary>
/// A host's decoder for a format the library has never heard of ("MEAF": the magic <c>MEAF</c>, the sample rate and
/// channel count as little-endian int32, then interleaved little-endian float32 samples).
/// </summary>
internal sealed class MeafDecoder : IAudioDecoder
{
    public const int HeaderLength = 12;

    public string Name => "meaf";

    public static byte[] Encode(ReadOnlySpan<float> samples, int sampleRate, int channels)
    {
        byte[] bytes = new byte[HeaderLength + (samples.Length * 4)];
        "MEAF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), channels);
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(HeaderLength + (i * 4)), samples[i]);
        }

        return bytes;
    }

    public bool CanDecode(ReadOnlySpan<byte> header) => header.StartsWith("MEAF"u8);

    public ISampleSource Open(string path, CancellationToken cancellationToken = default) =>
        Open(File.OpenRead(path), path, cancellationToken);

    public ISampleSource Open(Stream stream, string sourceName, CancellationToken cancellationToken = default)
    {
        byte[] header = new byte[HeaderLength];
        try
        {
            stream.ReadExactly(header);
        }
        catch (EndOfStreamException)
        {
            stream.Dispose();
            throw new AudioFormatException(sourceName, "MEAF header is truncated");
        }

        var format = new AudioFormat(BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4)), BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8)));
        return new MeafSource(stream, format, cancellationToken);
    }

    public AudioFileInfo Probe(string path, CancellationToken cancellationToken = default)
    {
        using ISampleSource source = Open(path, cancellationToken);
        long frames = (new FileInfo(path).Length - HeaderLength) / 4 / source.Format.Channels;
        return new AudioFileInfo(path, Name, "meaf", source.Format.SampleRate, source.Format.Channels,
            TimeSpan.FromSeconds((double)frames / source.Format.SampleRate), null);
    }

    private sealed class MeafSource(Stream stream, AudioFormat format, CancellationToken cancellationToken) : ISampleSource
    {
        private readonly byte[] _buffer = new byte[4096 * 4];

        public AudioFormat Format => format;

        public long? LengthInFrames => stream.CanSeek ? (stream.Length - HeaderLength) / 4 / format.Channels : null;

        public int Read(Span<float> buffer)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int wanted = Math.Min(buffer.Length - (buffer.Length % format.Channels), _buffer.Length / 4) * 4;
            int read = stream.ReadAtLeast(_buffer.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
            int samples = read / 4;
            for (int i = 0; i < samples; i++)
            {
                buffer[i] = BinaryPrimitives.ReadSingleLittleEndian(_buffer.AsSpan(i * 4));
            }

            return samples - (samples % format.Channels);
        }

        public void Dispose() => stream.Dispose();
    }
}
