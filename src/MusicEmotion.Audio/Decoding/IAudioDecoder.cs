namespace MusicEmotion.Audio.Decoding;

/// <summary>
/// A plug point that turns encoded audio into a stream of float samples. <see cref="AudioLoader"/> picks
/// the first registered decoder whose <see cref="CanDecode"/> accepts the first bytes of the content:
/// the choice is made by content (magic bytes), never by file extension.
/// </summary>
public interface IAudioDecoder
{
    /// <summary>A short name shown to users, e.g. "wav" or "ffmpeg".</summary>
    string Name { get; }

    /// <summary>Whether this decoder claims content that starts with <paramref name="header"/>.</summary>
    /// <param name="header">The first bytes of the content (up to <see cref="AudioLoader.SniffLength"/>, fewer for short content).</param>
    bool CanDecode(ReadOnlySpan<byte> header);

    /// <summary>Opens a file for streaming decode.</summary>
    /// <param name="path">A full path to an existing, non-empty file.</param>
    /// <param name="cancellationToken">Cancels decoding; a cancelled source throws <see cref="OperationCanceledException"/> from <see cref="ISampleSource.Read"/>.</param>
    /// <exception cref="AudioException">The content is invalid or the decoder failed.</exception>
    ISampleSource Open(string path, CancellationToken cancellationToken = default);

    /// <summary>Opens a stream for streaming decode; the source owns and disposes <paramref name="stream"/>.</summary>
    /// <param name="stream">The content, positioned at its first byte.</param>
    /// <param name="sourceName">Name used in error messages.</param>
    /// <param name="cancellationToken">Cancels decoding.</param>
    /// <exception cref="AudioException">The content is invalid or the decoder failed.</exception>
    ISampleSource Open(Stream stream, string sourceName, CancellationToken cancellationToken = default);

    /// <summary>Reads what a file contains (format, channels, rate, duration) without decoding all of it where possible.</summary>
    /// <param name="path">A full path to an existing, non-empty file.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <exception cref="AudioException">The content is invalid or the decoder failed.</exception>
    AudioFileInfo Probe(string path, CancellationToken cancellationToken = default);
}
