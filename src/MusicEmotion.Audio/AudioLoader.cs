using System.Security;
using MusicEmotion.Audio.Decoding;
using MusicEmotion.Audio.Ffmpeg;
using MusicEmotion.Audio.Managed;

namespace MusicEmotion.Audio;

/// <summary>
/// The entry point for reading audio: validates the path, sniffs the first bytes, and hands the content
/// to the first <see cref="IAudioDecoder"/> that claims it (by content, never by extension). The default
/// chain is the managed <see cref="WavDecoder"/>, then <see cref="FfmpegDecoder"/> for every other format (it claims
/// content only while ffmpeg is installed), then the managed fallbacks <see cref="NLayerMp3Decoder"/> (MP3) and
/// <see cref="NVorbisDecoder"/> (Ogg Vorbis) for machines without ffmpeg. This class is the one place where a
/// decoder is chosen. Thread-safe: one instance can serve any number of concurrent opens.
/// </summary>
public sealed class AudioLoader
{
    /// <summary>How many leading bytes are given to <see cref="IAudioDecoder.CanDecode"/>.</summary>
    public const int SniffLength = 4096;

    private readonly IAudioDecoder[] _decoders;

    /// <summary>Creates a loader that tries <paramref name="decoders"/> in order.</summary>
    /// <param name="decoders">At least one decoder; the first that claims the content is used.</param>
    public AudioLoader(IEnumerable<IAudioDecoder> decoders)
    {
        ArgumentNullException.ThrowIfNull(decoders);
        _decoders = decoders.ToArray();
        if (_decoders.Length == 0)
        {
            throw new ArgumentException("At least one decoder is required.", nameof(decoders));
        }
    }

    /// <summary>A loader with the default chain: managed WAV, ffmpeg (found on PATH), managed MP3 and Ogg Vorbis.</summary>
    public static AudioLoader Default { get; } = CreateDefault();

    /// <summary>
    /// Creates a loader with the default chain: <see cref="WavDecoder"/>, <see cref="FfmpegDecoder"/> configured by
    /// <paramref name="ffmpeg"/>, <see cref="NLayerMp3Decoder"/>, <see cref="NVorbisDecoder"/>; a host's own decoders
    /// (<paramref name="hostDecoders"/>) are tried before them, so a host can add a format or take over one.
    /// </summary>
    /// <param name="ffmpeg">Where ffmpeg is; null = PATH.</param>
    /// <param name="hostDecoders">Decoders tried first, in order (e.g. from <c>services.AddAudioDecoder&lt;T&gt;()</c>).</param>
    public static AudioLoader CreateDefault(FfmpegOptions? ffmpeg = null, IEnumerable<IAudioDecoder>? hostDecoders = null) =>
        new([.. hostDecoders ?? [], new WavDecoder(), new FfmpegDecoder(ffmpeg), new NLayerMp3Decoder(), new NVorbisDecoder()]);

    /// <summary>Whether some decoder of this loader claims content that starts with <paramref name="header"/> (no exception, no decoding).</summary>
    /// <param name="header">The first bytes of the content (up to <see cref="SniffLength"/>).</param>
    public bool CanDecode(ReadOnlySpan<byte> header)
    {
        foreach (IAudioDecoder decoder in _decoders)
        {
            if (!header.IsEmpty && decoder.CanDecode(header))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The decoders, in the order they are tried.</summary>
    public IReadOnlyList<IAudioDecoder> Decoders => _decoders;

    /// <summary>Opens a file for streaming decode at its native rate and channel count.</summary>
    /// <param name="path">Path of the audio file.</param>
    /// <param name="cancellationToken">Cancels decoding.</param>
    /// <exception cref="AudioSourceNotFoundException">Missing path, a directory, or no permission.</exception>
    /// <exception cref="AudioFormatException">Empty, corrupt or unrecognised content.</exception>
    /// <exception cref="AudioDecoderException">The format needs ffmpeg (FLAC, AAC, Opus, ...) and it is not installed.</exception>
    public ISampleSource Open(string path, CancellationToken cancellationToken = default)
    {
        IAudioDecoder decoder = SelectDecoder(path);
        return decoder.Open(path, cancellationToken);
    }

    /// <summary>Opens a stream for streaming decode; the returned source owns and disposes <paramref name="stream"/>.</summary>
    /// <param name="stream">Readable stream positioned at the start of the content; need not be seekable.</param>
    /// <param name="sourceName">Name used in error messages (e.g. the upload's file name).</param>
    /// <param name="cancellationToken">Cancels decoding.</param>
    /// <exception cref="AudioFormatException">Empty, corrupt or unrecognised content.</exception>
    public ISampleSource Open(Stream stream, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(stream));
        }

        try
        {
            byte[] header = new byte[SniffLength];
            int length = ReadUpTo(stream, header);
            IAudioDecoder decoder = SelectDecoder(header.AsSpan(0, length), sourceName);
            Stream replay;
            if (stream.CanSeek)
            {
                stream.Seek(-length, SeekOrigin.Current);
                replay = stream;
            }
            else
            {
                replay = new PrefixedStream(header, length, stream);
            }

            return decoder.Open(replay, sourceName, cancellationToken);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads what a file contains (format, channels, sample rate, duration, decoder) without decoding it all.</summary>
    /// <param name="path">Path of the audio file.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <exception cref="AudioException">The path or content is bad, or the decoder failed.</exception>
    public AudioFileInfo Probe(string path, CancellationToken cancellationToken = default) =>
        SelectDecoder(path).Probe(path, cancellationToken);

    /// <summary>Validates <paramref name="path"/> and returns the decoder its content calls for.</summary>
    /// <exception cref="AudioException">The path or content is bad.</exception>
    public IAudioDecoder SelectDecoder(string path)
    {
        string fullPath = AudioPath.Validate(path);
        byte[] header = new byte[SniffLength];
        int length;
        try
        {
            using var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            length = ReadUpTo(file, header);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or SecurityException)
        {
            throw new AudioSourceNotFoundException(path, "access is denied", ex);
        }
        catch (IOException ex)
        {
            throw new AudioSourceNotFoundException(path, $"cannot be read: {ex.Message}", ex);
        }

        return SelectDecoder(header.AsSpan(0, length), path);
    }

    /// <summary>Returns the first decoder that claims content starting with <paramref name="header"/>.</summary>
    /// <exception cref="AudioFormatException">The content is empty.</exception>
    /// <exception cref="UnsupportedAudioFormatException">No decoder recognises it.</exception>
    /// <exception cref="AudioDecoderException">It is a known audio format that only ffmpeg decodes, and ffmpeg is not installed.</exception>
    public IAudioDecoder SelectDecoder(ReadOnlySpan<byte> header, string sourceName)
    {
        if (header.IsEmpty)
        {
            throw new AudioFormatException(sourceName, "file is empty (0 bytes)");
        }

        foreach (IAudioDecoder decoder in _decoders)
        {
            if (decoder.CanDecode(header))
            {
                return decoder;
            }
        }

        if (AudioSignatures.Identify(header) is { } container)
        {
            throw NeedsFfmpeg(container, sourceName);
        }

        string preview = Convert.ToHexString(header[..Math.Min(8, header.Length)]);
        throw new UnsupportedAudioFormatException(sourceName,
            $"content is not a recognised audio format (first bytes {preview}); supported: WAV, MP3, FLAC, Ogg/Opus, MP4/M4A/AAC, AIFF, WMA, Matroska/WebM and others ffmpeg reads");
    }

    private AudioException NeedsFfmpeg(string container, string sourceName)
    {
        string what = container switch
        {
            "wav" => "a WAV file in an encoding the managed reader lacks (e.g. µ-law, ADPCM)",
            "ogg" => "Ogg audio that is not Vorbis (Opus, FLAC or Speex)",
            "mp3" => "MP3", // only reached when the loader has no managed MP3 decoder
            _ => container.ToUpperInvariant() + " audio",
        };
        FfmpegDecoder? ffmpeg = _decoders.OfType<FfmpegDecoder>().FirstOrDefault();
        if (ffmpeg is null)
        {
            return new UnsupportedAudioFormatException(sourceName,
                $"content is {what}, which none of this loader's decoders ({string.Join(", ", _decoders.Select(d => d.Name))}) reads; the default loader decodes it with ffmpeg");
        }

        return new AudioDecoderException(sourceName,
            $"content is {what}, which needs ffmpeg, and '{ffmpeg.Options.FfmpegPath}' was not found: {FfmpegProcess.InstallHint}");
    }

    private static int ReadUpTo(Stream stream, byte[] buffer) => stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
}
