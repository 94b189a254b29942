using System.Buffers.Binary;
using MusicEmotion.Audio.Wav;

namespace MusicEmotion.Audio.Decoding;

/// <summary>
/// The managed WAV decoder (no external process). It claims RIFF/RF64 WAVE content whose encoding it
/// supports (PCM 8/16/24/32-bit, IEEE float 32/64, and those inside WAVE_FORMAT_EXTENSIBLE); other WAV
/// encodings (ADPCM, µ-law, ...) are left to the next decoder, normally ffmpeg.
/// </summary>
public sealed class WavDecoder : IAudioDecoder
{
    /// <inheritdoc />
    public string Name => "wav";

    /// <inheritdoc />
    public bool CanDecode(ReadOnlySpan<byte> header)
    {
        if (!WavHeaderParser.LooksLikeWav(header))
        {
            return false;
        }

        // Look for the 'fmt ' chunk within the sniffed bytes; claim the file unless it names an encoding we lack.
        int pos = 12;
        while (pos + 10 <= header.Length)
        {
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(header[(pos + 4)..]);
            if (header.Slice(pos, 4).SequenceEqual("fmt "u8))
            {
                int tag = BinaryPrimitives.ReadUInt16LittleEndian(header[(pos + 8)..]);
                if (tag == WavHeaderParser.FormatExtensible && pos + 34 <= header.Length)
                {
                    tag = BinaryPrimitives.ReadUInt16LittleEndian(header[(pos + 32)..]);
                }

                return tag is WavHeaderParser.FormatPcm or WavHeaderParser.FormatIeeeFloat or WavHeaderParser.FormatExtensible;
            }

            if (size > int.MaxValue - pos - 9)
            {
                break;
            }

            pos += 8 + (int)size + (int)(size & 1);
        }

        // 'fmt ' lies beyond the sniffed bytes (or the header is broken): let the managed parser report on it.
        return true;
    }

    /// <inheritdoc />
    public ISampleSource Open(string path, CancellationToken cancellationToken = default) =>
        new WavSampleSource(AudioPath.OpenSequential(path), path);

    /// <inheritdoc />
    public ISampleSource Open(Stream stream, string sourceName, CancellationToken cancellationToken = default) =>
        new WavSampleSource(stream, sourceName);

    /// <inheritdoc />
    public AudioFileInfo Probe(string path, CancellationToken cancellationToken = default)
    {
        using var stream = AudioPath.OpenSequential(path);
        WavHeader header = WavHeaderParser.Parse(stream, path);
        TimeSpan? duration = header.FrameCount is { } frames
            ? TimeSpan.FromSeconds((double)frames / header.Format.SampleRate)
            : null;
        long bitRate = (long)header.BlockAlign * 8 * header.Format.SampleRate;
        return new AudioFileInfo(path, Name, header.Describe(), header.Format.SampleRate, header.Format.Channels, duration, bitRate);
    }
}
