using MusicEmotion.Audio.Decoding;

namespace MusicEmotion.Audio.Managed;

/// <summary>
/// The managed Ogg Vorbis decoder (NVorbis, in process, streaming). It claims Ogg content whose first packet is a
/// Vorbis identification header; Ogg Opus, FLAC and Speex are left to ffmpeg. The default <see cref="AudioLoader"/>
/// puts it after ffmpeg, so it decodes only where ffmpeg is not installed.
/// </summary>
public sealed class NVorbisDecoder : IAudioDecoder
{
    /// <inheritdoc />
    public string Name => "nvorbis";

    /// <inheritdoc />
    public bool CanDecode(ReadOnlySpan<byte> header) => IsOggVorbis(header);

    /// <inheritdoc />
    public ISampleSource Open(string path, CancellationToken cancellationToken = default) =>
        VorbisSampleSource.Open(AudioPath.OpenSequential(path), path, cancellationToken);

    /// <inheritdoc />
    public ISampleSource Open(Stream stream, string sourceName, CancellationToken cancellationToken = default) =>
        VorbisSampleSource.Open(stream, sourceName, cancellationToken);

    /// <summary>
    /// Reads the Vorbis headers (channels, rate, nominal bit rate) and takes the duration from the granule position of
    /// the stream's last Ogg page (the sample count at its end), read from the file's tail.
    /// </summary>
    /// <inheritdoc />
    public AudioFileInfo Probe(string path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int channels, sampleRate;
        long? bitRate;
        using (var reader = VorbisSampleSource.CreateReader(AudioPath.OpenSequential(path), path))
        {
            channels = reader.Channels;
            sampleRate = reader.SampleRate;
            bitRate = reader.NominalBitrate > 0 ? reader.NominalBitrate : null;
        }

        using FileStream file = AudioPath.OpenSequential(path);
        long? samples = OggTail.LastGranulePosition(file);
        TimeSpan? duration = samples is > 0 ? TimeSpan.FromSeconds((double)samples.Value / sampleRate) : null;
        return new AudioFileInfo(path, Name, "ogg (vorbis)", sampleRate, channels, duration, bitRate);
    }

    /// <summary>Whether <paramref name="header"/> is the first Ogg page of a Vorbis stream (its packet starts with <c>\x01vorbis</c>).</summary>
    public static bool IsOggVorbis(ReadOnlySpan<byte> header)
    {
        // Ogg page: "OggS", version, flags, granule (8), serial (4), sequence (4), CRC (4), segment count, segment table.
        if (header.Length < 28 || !header[..4].SequenceEqual("OggS"u8) || header[4] != 0)
        {
            return false;
        }

        int packet = 27 + header[26];
        return packet + 7 <= header.Length
            && header[packet] == 0x01
            && header.Slice(packet + 1, 6).SequenceEqual("vorbis"u8);
    }
}
