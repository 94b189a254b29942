using System.Globalization;
using MusicEmotion.Audio.Decoding;

namespace MusicEmotion.Audio.Managed;

/// <summary>
/// The managed MP3 decoder (NLayer, in process, streaming): MPEG-1/2/2.5 Layer I, II and III. The default
/// <see cref="AudioLoader"/> puts it after ffmpeg, so it decodes MP3 only where ffmpeg is not installed (ffmpeg is
/// several times faster). LAME's gapless fields are honoured like ffmpeg honours them, so both give the same samples.
/// </summary>
public sealed class NLayerMp3Decoder : IAudioDecoder
{
    /// <inheritdoc />
    public string Name => "nlayer";

    /// <inheritdoc />
    public bool CanDecode(ReadOnlySpan<byte> header) => AudioSignatures.Identify(header) == "mp3";

    /// <inheritdoc />
    public ISampleSource Open(string path, CancellationToken cancellationToken = default) =>
        Mp3SampleSource.Open(AudioPath.OpenSequential(path), path, cancellationToken);

    /// <inheritdoc />
    public ISampleSource Open(Stream stream, string sourceName, CancellationToken cancellationToken = default) =>
        Mp3SampleSource.Open(stream, sourceName, cancellationToken);

    /// <summary>
    /// Reads the tags' size and the first frame (and its Xing/LAME tag): the duration is exact when the tag states
    /// the frame count and estimated from the file size and the first frame's bit rate otherwise (exact for CBR).
    /// </summary>
    /// <inheritdoc />
    public AudioFileInfo Probe(string path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using FileStream file = AudioPath.OpenSequential(path);
        Mp3StreamStart start = Mp3StreamStart.Read(file, path);
        MpegFrameHeader first = start.FirstFrame;
        long audioBytes = file.Length - start.AudioOffset;
        double? seconds = start.PlayableFrames is { } playable
            ? (double)playable / first.SampleRate
            : start.FrameCount is { } frames
                ? (double)frames * first.SamplesPerFrame / first.SampleRate
                : audioBytes * 8.0 / first.BitRate;
        long? bitRate = seconds is > 0 ? (long)(audioBytes * 8 / seconds.Value) : first.BitRate;
        string format = string.Create(CultureInfo.InvariantCulture, $"mp3 ({first.Describe()}{(start.EncoderDelay is null ? string.Empty : ", gapless")})");
        return new AudioFileInfo(path, Name, format, first.SampleRate, first.Channels,
            seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : null, bitRate);
    }
}
