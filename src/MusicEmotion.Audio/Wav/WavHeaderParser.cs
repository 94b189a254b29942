using System.Buffers.Binary;

namespace MusicEmotion.Audio.Wav;

/// <summary>
/// Parses the RIFF (or RF64) header of a WAV stream, reading forward only, and leaves the stream at the
/// first byte of sample data. Unknown chunks are skipped, honouring the RIFF rule that odd-sized
/// chunks are followed by one padding byte. Every inconsistency is reported as an
/// <see cref="AudioFormatException"/> naming the source and the problem.
/// </summary>
internal static class WavHeaderParser
{
    /// <summary><c>WAVE_FORMAT_PCM</c>.</summary>
    public const int FormatPcm = 0x0001;
    /// <summary><c>WAVE_FORMAT_IEEE_FLOAT</c>.</summary>
    public const int FormatIeeeFloat = 0x0003;
    /// <summary><c>WAVE_FORMAT_EXTENSIBLE</c>: the real format is in the sub-format GUID.</summary>
    public const int FormatExtensible = 0xFFFE;

    /// <summary>The largest channel count accepted (anything above is treated as a lying header).</summary>
    public const int MaxChannels = 256;
    /// <summary>The lowest sample rate accepted, in Hz.</summary>
    public const int MinSampleRate = 1_000;
    /// <summary>The highest sample rate accepted, in Hz.</summary>
    public const int MaxSampleRate = 1_000_000;

    private const uint OpenEndedSize = 0xFFFFFFFF;

    /// <summary>Whether <paramref name="header"/> starts like a RIFF/RF64 WAVE file.</summary>
    public static bool LooksLikeWav(ReadOnlySpan<byte> header) =>
        header.Length >= 12
        && (header[..4].SequenceEqual("RIFF"u8) || header[..4].SequenceEqual("RF64"u8))
        && header.Slice(8, 4).SequenceEqual("WAVE"u8);

    /// <summary>
    /// Reads chunks up to the <c>data</c> chunk.
    /// </summary>
    /// <param name="stream">The stream, positioned at the start of the file.</param>
    /// <param name="sourceName">Name used in error messages.</param>
    /// <returns>The parsed header; the stream is positioned at the first sample byte.</returns>
    /// <exception cref="AudioFormatException">The header is missing, truncated or inconsistent.</exception>
    /// <exception cref="UnsupportedAudioFormatException">A valid WAV whose encoding this reader does not handle (e.g. ADPCM).</exception>
    public static WavHeader Parse(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long? remainingInFile = stream.CanSeek ? stream.Length - stream.Position : null;
        Span<byte> riff = stackalloc byte[12];
        int got = ReadFully(stream, riff);
        if (got == 0)
        {
            throw new AudioFormatException(sourceName, "file is empty (0 bytes)");
        }

        if (got < 12 || !LooksLikeWav(riff))
        {
            throw new AudioFormatException(sourceName, "not a RIFF/WAVE file (missing 'RIFF....WAVE' signature)");
        }

        bool isRf64 = riff[..4].SequenceEqual("RF64"u8);
        long position = 12;
        long? rf64DataSize = null;
        (AudioFormat Format, WavSampleEncoding Encoding, int BlockAlign, int Tag)? fmt = null;
        Span<byte> chunkHeader = stackalloc byte[8];

        while (true)
        {
            got = ReadFully(stream, chunkHeader);
            if (got < 8)
            {
                throw new AudioFormatException(sourceName, fmt is null
                    ? "file ends before a 'fmt ' chunk was found (truncated or not a WAV file)"
                    : "file ends before the 'data' chunk was found (truncated)");
            }

            position += 8;
            string id = ChunkId(chunkHeader[..4]);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);

            if (id == "data")
            {
                if (fmt is null)
                {
                    throw new AudioFormatException(sourceName, "'data' chunk comes before the 'fmt ' chunk");
                }

                long? dataLength = ResolveDataLength(size, isRf64, rf64DataSize, stream.CanSeek, sourceName);
                if (dataLength is { } declared && remainingInFile is { } total && position + declared > total)
                {
                    throw new AudioFormatException(sourceName,
                        $"'data' chunk declares {declared:N0} bytes but only {total - position:N0} remain: the file is truncated or its header is wrong");
                }

                var f = fmt.Value;
                return new WavHeader(f.Format, f.Encoding, f.BlockAlign, f.Tag, dataLength);
            }

            if (size == OpenEndedSize && !(isRf64 && id == "ds64"))
            {
                throw new AudioFormatException(sourceName, $"chunk '{id}' has an open-ended size (0xFFFFFFFF) before the 'data' chunk");
            }

            long padded = size + (size & 1);
            if (remainingInFile is { } fileLength && position + size > fileLength)
            {
                throw new AudioFormatException(sourceName,
                    $"chunk '{id}' declares {size:N0} bytes, past the end of the file ({fileLength - position:N0} bytes remain)");
            }

            if (id == "fmt ")
            {
                if (fmt is not null)
                {
                    throw new AudioFormatException(sourceName, "more than one 'fmt ' chunk");
                }

                if (size < 16 || size > 4096)
                {
                    throw new AudioFormatException(sourceName, $"'fmt ' chunk has an impossible size of {size} bytes (expected 16 to 40)");
                }

                byte[] body = new byte[padded];
                if (ReadFully(stream, body) < size)
                {
                    throw new AudioFormatException(sourceName, "file ends inside the 'fmt ' chunk (truncated)");
                }

                fmt = ParseFmt(body.AsSpan(0, (int)size), sourceName);
            }
            else if (id == "ds64" && isRf64)
            {
                if (size < 24 || size > 4096)
                {
                    throw new AudioFormatException(sourceName, $"'ds64' chunk has an impossible size of {size} bytes");
                }

                byte[] body = new byte[padded];
                if (ReadFully(stream, body) < size)
                {
                    throw new AudioFormatException(sourceName, "file ends inside the 'ds64' chunk (truncated)");
                }

                long dataSize = BinaryPrimitives.ReadInt64LittleEndian(body.AsSpan(8, 8));
                if (dataSize < 0)
                {
                    throw new AudioFormatException(sourceName, "'ds64' chunk declares a negative data size");
                }

                rf64DataSize = dataSize;
            }
            else
            {
                Skip(stream, padded, id, sourceName);
            }

            position += padded;
        }
    }

    private static long? ResolveDataLength(uint size, bool isRf64, long? rf64DataSize, bool seekable, string sourceName)
    {
        if (isRf64 && size == OpenEndedSize)
        {
            return rf64DataSize ?? throw new AudioFormatException(sourceName, "RF64 file without a 'ds64' chunk before 'data'");
        }

        if (size == OpenEndedSize || (size == 0 && !seekable))
        {
            // Streamed WAV (e.g. ffmpeg writing to a pipe): the writer could not go back to fill in the size.
            return null;
        }

        return size;
    }

    private static (AudioFormat, WavSampleEncoding, int, int) ParseFmt(ReadOnlySpan<byte> fmt, string sourceName)
    {
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        int effectiveTag = tag;

        if (tag == FormatExtensible)
        {
            if (fmt.Length < 40)
            {
                throw new AudioFormatException(sourceName, $"WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is {fmt.Length} bytes, expected 40");
            }

            // The sub-format GUID starts with the ordinary format tag (KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT).
            effectiveTag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        if (channels == 0)
        {
            throw new AudioFormatException(sourceName, "WAVE 'fmt ' chunk declares 0 channels");
        }

        if (channels > MaxChannels)
        {
            throw new AudioFormatException(sourceName, $"WAVE 'fmt ' chunk declares {channels} channels (more than {MaxChannels} is not plausible)");
        }

        if (sampleRate < MinSampleRate || sampleRate > MaxSampleRate)
        {
            throw new AudioFormatException(sourceName, $"WAVE 'fmt ' chunk declares an absurd sample rate of {sampleRate} Hz (accepted: {MinSampleRate}..{MaxSampleRate})");
        }

        WavSampleEncoding encoding = (effectiveTag, bits) switch
        {
            (FormatPcm, 8) => WavSampleEncoding.Pcm8,
            (FormatPcm, 16) => WavSampleEncoding.Pcm16,
            (FormatPcm, 24) => WavSampleEncoding.Pcm24,
            (FormatPcm, 32) => WavSampleEncoding.Pcm32,
            (FormatIeeeFloat, 32) => WavSampleEncoding.Float32,
            (FormatIeeeFloat, 64) => WavSampleEncoding.Float64,
            (FormatPcm or FormatIeeeFloat, _) => throw new AudioFormatException(sourceName,
                $"WAVE 'fmt ' chunk declares {bits} bits per sample, impossible for {(effectiveTag == FormatPcm ? "PCM (8, 16, 24 or 32)" : "IEEE float (32 or 64)")}"),
            _ => throw new UnsupportedAudioFormatException(sourceName,
                $"WAV encoding 0x{effectiveTag:X4} is not PCM or IEEE float; decode it through ffmpeg"),
        };

        int expectedAlign = channels * (bits / 8);
        if (blockAlign != expectedAlign)
        {
            throw new AudioFormatException(sourceName,
                $"WAVE 'fmt ' chunk declares a block align of {blockAlign} bytes, but {channels} channels of {bits}-bit samples need {expectedAlign}");
        }

        return (new AudioFormat((int)sampleRate, channels), encoding, blockAlign, tag);
    }

    private static string ChunkId(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[4];
        for (int i = 0; i < 4; i++)
        {
            chars[i] = id[i] is >= 0x20 and < 0x7F ? (char)id[i] : '?';
        }

        return new string(chars);
    }

    private static void Skip(Stream stream, long count, string id, string sourceName)
    {
        if (stream.CanSeek)
        {
            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        Span<byte> scratch = stackalloc byte[4096];
        while (count > 0)
        {
            int n = stream.Read(scratch[..(int)Math.Min(scratch.Length, count)]);
            if (n == 0)
            {
                throw new AudioFormatException(sourceName, $"file ends inside chunk '{id}' (truncated)");
            }

            count -= n;
        }
    }

    internal static int ReadFully(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
