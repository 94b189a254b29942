using System.Buffers.Binary;
using MusicEmotion.Audio.Wav;

namespace MusicEmotion.Audio.Managed;

/// <summary>
/// What the start of an MP3 stream says before any audio is decoded: its ID3v2 tags are skipped, the first audio
/// frame is found, and a Xing/Info tag with LAME's gapless fields (encoder delay and padding) is read when the first
/// frame carries one. The bytes read after the tags are kept in <see cref="Prefix"/> so they can be replayed to the
/// decoder: a non-seekable stream works the same as a file.
/// </summary>
internal sealed class Mp3StreamStart
{
    /// <summary>Bytes read past the tags to find the first frame (a Xing frame is at most 2,881 bytes).</summary>
    private const int PrefixCapacity = 8192;

    /// <summary>The MPEG decoder's own delay (ISO reference synthesis filterbank), which LAME's delay field excludes.</summary>
    public const int DecoderDelay = 529;

    private const int MaxId3Tags = 16;

    private Mp3StreamStart(byte[] prefix, int prefixLength, long audioOffset, MpegFrameHeader first, bool firstIsTag, long? frameCount, int? encoderDelay, int? encoderPadding)
    {
        FirstFrameIsTag = firstIsTag;
        Prefix = prefix;
        PrefixLength = prefixLength;
        AudioOffset = audioOffset;
        FirstFrame = first;
        FrameCount = frameCount;
        EncoderDelay = encoderDelay;
        EncoderPadding = encoderPadding;
    }

    /// <summary>Bytes read after the ID3v2 tags, starting at the first frame.</summary>
    public byte[] Prefix { get; }

    /// <summary>How many bytes of <see cref="Prefix"/> are valid.</summary>
    public int PrefixLength { get; }

    /// <summary>Offset of the first frame from the start of the stream (the size of the tags and junk before it).</summary>
    public long AudioOffset { get; }

    /// <summary>The first frame's header (rate, channels, layer).</summary>
    public MpegFrameHeader FirstFrame { get; }

    /// <summary>Whether the first frame is a Xing/Info or VBRI tag rather than audio (decoders skip it).</summary>
    public bool FirstFrameIsTag { get; }

    /// <summary>Audio frames in the stream according to the Xing/Info tag (the tag's own frame excluded), when stated.</summary>
    public long? FrameCount { get; }

    /// <summary>LAME's encoder delay in samples, when the tag states it.</summary>
    public int? EncoderDelay { get; }

    /// <summary>LAME's end padding in samples, when the tag states it.</summary>
    public int? EncoderPadding { get; }

    /// <summary>
    /// Frames to drop at the start so the output lines up with ffmpeg's (which honours the same gapless fields):
    /// encoder plus decoder delay when LAME's tag is there, otherwise 0.
    /// </summary>
    public int LeadingFramesToSkip => EncoderDelay is { } delay ? delay + DecoderDelay : 0;

    /// <summary>Frames of real audio, when the tag states both the frame count and the gapless fields; otherwise null.</summary>
    public long? PlayableFrames => FrameCount is { } frames && EncoderDelay is { } delay && EncoderPadding is { } padding
        ? Math.Max(0, (frames * FirstFrame.SamplesPerFrame) - delay - padding)
        : null;

    /// <summary>Reads the start of <paramref name="stream"/> (positioned at its first byte).</summary>
    /// <exception cref="AudioFormatException">No MPEG audio frame where one must be, or the stream ends inside a tag.</exception>
    public static Mp3StreamStart Read(Stream stream, string sourceName)
    {
        // Tags come first: read 10 bytes at a time while they are ID3v2 headers, skipping each tag's body (seeking
        // when possible, reading otherwise). The first 10 bytes that are not a tag header start the frame search.
        byte[] prefix = new byte[PrefixCapacity];
        long offset = 0;
        int length = WavHeaderParser.ReadFully(stream, prefix.AsSpan(0, 10));
        for (int tags = 0; length == 10 && IsId3Header(prefix) && tags < MaxId3Tags; tags++)
        {
            long size = TagSize(prefix);
            SkipBytes(stream, size, sourceName);
            offset += 10 + size;
            length = WavHeaderParser.ReadFully(stream, prefix.AsSpan(0, 10));
        }

        length += WavHeaderParser.ReadFully(stream, prefix.AsSpan(length));
        int frameAt = FindFirstFrame(prefix.AsSpan(0, length), out MpegFrameHeader first);
        if (frameAt < 0)
        {
            throw new AudioFormatException(sourceName, length == 0
                ? "the MP3 holds tags but no audio frames"
                : $"no MPEG audio frame in the first {length:N0} bytes after the tags (corrupt, or not MP3)");
        }

        // Replay from the first frame: junk before it is dropped.
        int usable = length - frameAt;
        Buffer.BlockCopy(prefix, frameAt, prefix, 0, usable);
        var (isTag, frames, delay, padding) = ReadXingTag(prefix.AsSpan(0, usable), first);
        return new Mp3StreamStart(prefix, usable, offset + frameAt, first, isTag, frames, delay, padding);
    }

    private static bool IsId3Header(ReadOnlySpan<byte> header) =>
        header[0] == (byte)'I' && header[1] == (byte)'D' && header[2] == (byte)'3' && header[3] != 0xFF && header[4] != 0xFF
        && (header[6] | header[7] | header[8] | header[9]) < 0x80;

    private static long TagSize(ReadOnlySpan<byte> header)
    {
        long size = (header[6] << 21) | (header[7] << 14) | (header[8] << 7) | header[9];
        bool hasFooter = (header[5] & 0x10) != 0;
        return size + (hasFooter ? 10 : 0);
    }

    private static void SkipBytes(Stream stream, long count, string sourceName)
    {
        if (stream.CanSeek)
        {
            if (stream.Position + count > stream.Length)
            {
                throw new AudioFormatException(sourceName, "the file ends inside its ID3v2 tag (truncated)");
            }

            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        byte[] scratch = new byte[4096];
        while (count > 0)
        {
            int n = stream.Read(scratch, 0, (int)Math.Min(scratch.Length, count));
            if (n == 0)
            {
                throw new AudioFormatException(sourceName, "the stream ends inside its ID3v2 tag (truncated)");
            }

            count -= n;
        }
    }

    /// <summary>The offset of the first frame header that a second header with the same layout follows (or that ends the data).</summary>
    internal static int FindFirstFrame(ReadOnlySpan<byte> data, out MpegFrameHeader header)
    {
        for (int i = 0; i + 4 <= data.Length; i++)
        {
            if (data[i] != 0xFF || !MpegFrameHeader.TryParse(data[i..], out MpegFrameHeader candidate))
            {
                continue;
            }

            int next = i + candidate.FrameLength;
            if (next + 4 > data.Length)
            {
                header = candidate;
                return i; // the frame runs past what was read: accept it on its own
            }

            if (MpegFrameHeader.TryParse(data[next..], out MpegFrameHeader following)
                && following.Version == candidate.Version && following.Layer == candidate.Layer && following.SampleRate == candidate.SampleRate)
            {
                header = candidate;
                return i;
            }
        }

        header = default;
        return -1;
    }

    private static (bool IsTag, long? Frames, int? Delay, int? Padding) ReadXingTag(ReadOnlySpan<byte> frame, MpegFrameHeader header)
    {
        if (header.Layer != 3)
        {
            return (false, null, null, null);
        }

        // Fraunhofer's VBRI tag sits 32 bytes after the header; it carries no gapless fields that ffmpeg honours.
        if (frame.Length >= 40 && frame.Slice(36, 4).SequenceEqual("VBRI"u8))
        {
            return (true, null, null, null);
        }

        int at = 4 + (header.HasCrc ? 2 : 0) + header.SideInfoLength;
        if (at + 8 > frame.Length)
        {
            return (false, null, null, null);
        }

        ReadOnlySpan<byte> id = frame.Slice(at, 4);
        if (!id.SequenceEqual("Xing"u8) && !id.SequenceEqual("Info"u8))
        {
            return (false, null, null, null);
        }

        uint flags = BinaryPrimitives.ReadUInt32BigEndian(frame[(at + 4)..]);
        int pos = at + 8;
        long? frames = null;
        if ((flags & 1) != 0)
        {
            if (pos + 4 > frame.Length)
            {
                return (true, null, null, null);
            }

            frames = BinaryPrimitives.ReadUInt32BigEndian(frame[pos..]);
            pos += 4;
        }

        pos += ((flags & 2) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 100 : 0) + ((flags & 8) != 0 ? 4 : 0);

        // LAME's extension (also written by ffmpeg as "Lavf"/"Lavc"): the 12-bit delay and padding sit 21 bytes in.
        if (pos + 24 > frame.Length)
        {
            return (true, frames, null, null);
        }

        ReadOnlySpan<byte> encoder = frame.Slice(pos, 4);
        if (!encoder.SequenceEqual("LAME"u8) && !encoder.SequenceEqual("Lavf"u8) && !encoder.SequenceEqual("Lavc"u8))
        {
            return (true, frames, null, null);
        }

        int delay = (frame[pos + 21] << 4) | (frame[pos + 22] >> 4);
        int padding = ((frame[pos + 22] & 0x0F) << 8) | frame[pos + 23];
        return (true, frames, delay, padding);
    }
}
