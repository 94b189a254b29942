using System.Buffers.Binary;

namespace MusicEmotion.Audio.Managed;

/// <summary>Reads the end of an Ogg file to find how many samples its first logical stream holds.</summary>
internal static class OggTail
{
    private const int TailLength = 64 * 1024;

    /// <summary>
    /// The granule position of the last page of the stream the file starts with (for Vorbis: samples per channel at its
    /// end), or null when no such page is found in the last 64 KiB.
    /// </summary>
    public static long? LastGranulePosition(FileStream file)
    {
        Span<byte> first = stackalloc byte[27];
        file.Position = 0;
        if (file.Read(first) < 27 || !first[..4].SequenceEqual("OggS"u8))
        {
            return null;
        }

        int serial = BinaryPrimitives.ReadInt32LittleEndian(first[14..]);
        long start = Math.Max(0, file.Length - TailLength);
        byte[] tail = new byte[file.Length - start];
        file.Position = start;
        int length = file.ReadAtLeast(tail, tail.Length, throwOnEndOfStream: false);

        ReadOnlySpan<byte> data = tail.AsSpan(0, length);
        for (int at = data.LastIndexOf("OggS"u8); at >= 0; at = data[..at].LastIndexOf("OggS"u8))
        {
            if (at + 27 <= data.Length && data[at + 4] == 0 && BinaryPrimitives.ReadInt32LittleEndian(data[(at + 14)..]) == serial)
            {
                long granule = BinaryPrimitives.ReadInt64LittleEndian(data[(at + 6)..]);
                if (granule >= 0)
                {
                    return granule;
                }
            }
        }

        return null;
    }
}
