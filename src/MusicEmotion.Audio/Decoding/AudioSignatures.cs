namespace MusicEmotion.Audio.Decoding;

/// <summary>Recognises common audio containers by their magic bytes.</summary>
public static class AudioSignatures
{
    /// <summary>
    /// Names the container that <paramref name="header"/> starts with ("mp3", "flac", "ogg", "mp4", ...),
    /// or returns <c>null</c> when the bytes match no known audio signature.
    /// </summary>
    /// <param name="header">The first bytes of the content.</param>
    public static string? Identify(ReadOnlySpan<byte> header)
    {
        if (header.Length < 2)
        {
            return null;
        }

        if (StartsWith(header, "ID3"u8))
        {
            return "mp3";
        }

        if (StartsWith(header, "fLaC"u8))
        {
            return "flac";
        }

        if (StartsWith(header, "OggS"u8))
        {
            return "ogg";
        }

        if (header.Length >= 12 && header.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return "mp4";
        }

        if (header.Length >= 12 && StartsWith(header, "FORM"u8)
            && (header.Slice(8, 4).SequenceEqual("AIFF"u8) || header.Slice(8, 4).SequenceEqual("AIFC"u8)))
        {
            return "aiff";
        }

        if (header.Length >= 12 && (StartsWith(header, "RIFF"u8) || StartsWith(header, "RF64"u8))
            && header.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return "wav";
        }

        if (StartsWith(header, "caff"u8))
        {
            return "caf";
        }

        if (StartsWith(header, [0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11]))
        {
            return "asf";
        }

        if (StartsWith(header, [0x1A, 0x45, 0xDF, 0xA3]))
        {
            return "matroska";
        }

        if (StartsWith(header, "#!AMR"u8))
        {
            return "amr";
        }

        if (StartsWith(header, "MAC "u8))
        {
            return "ape";
        }

        if (StartsWith(header, "wvpk"u8))
        {
            return "wavpack";
        }

        if (StartsWith(header, "DSD "u8) || StartsWith(header, "FRM8"u8))
        {
            return "dsd";
        }

        if (header[0] == 0x0B && header[1] == 0x77)
        {
            return "ac3";
        }

        // MPEG audio frame sync (11 set bits): MP1/2/3 frames and ADTS AAC (0xFFF1/0xFFF9).
        if (header[0] == 0xFF && (header[1] & 0xE0) == 0xE0)
        {
            return (header[1] & 0xF6) == 0xF0 ? "aac" : "mp3";
        }

        return null;
    }

    private static bool StartsWith(ReadOnlySpan<byte> header, ReadOnlySpan<byte> magic) =>
        header.Length >= magic.Length && header[..magic.Length].SequenceEqual(magic);
}
