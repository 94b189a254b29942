using NVorbis;

namespace MusicEmotion.Audio.Managed;

/// <summary>
/// Streams Ogg Vorbis decoded in process by NVorbis. NVorbis always gets a forward-only view of the input (its
/// forward reader; a non-seekable stream works the same) guarded against looping at the end of corrupt data (see
/// <see cref="ForwardOnlyGuardStream"/>). Samples are not clipped, as with ffmpeg. The first logical stream of a
/// chained file is read.
/// </summary>
internal sealed class VorbisSampleSource : ISampleSource
{
    private const string DecoderName = "NVorbis";
    private readonly VorbisReader _reader;
    private readonly string _sourceName;
    private readonly CancellationToken _cancellationToken;
    private readonly int _channels;
    private bool _ended;
    private bool _disposed;

    private VorbisSampleSource(VorbisReader reader, string sourceName, CancellationToken cancellationToken)
    {
        _reader = reader;
        _sourceName = sourceName;
        _cancellationToken = cancellationToken;
        _channels = reader.Channels;
        Format = new AudioFormat(reader.SampleRate, _channels);
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <inheritdoc />
    public long? LengthInFrames => null;

    /// <summary>Reads the Vorbis headers of <paramref name="stream"/>; the source owns the stream.</summary>
    /// <exception cref="AudioFormatException">The headers are missing or corrupt.</exception>
    public static VorbisSampleSource Open(Stream stream, string sourceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        VorbisReader? reader = null;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            reader = CreateReader(stream, sourceName);
            return new VorbisSampleSource(reader, sourceName, cancellationToken);
        }
        catch
        {
            reader?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Opens NVorbis on a guarded forward-only view of <paramref name="stream"/> (closed with the reader) and checks what its headers declare.</summary>
    internal static VorbisReader CreateReader(Stream stream, string sourceName)
    {
        VorbisReader reader;
        try
        {
            reader = new VorbisReader(new ForwardOnlyGuardStream(stream, sourceName, DecoderName), closeOnDispose: true) { ClipSamples = false };
        }
        catch (Exception ex) when (DecoderFailure.IsBadInput(ex))
        {
            throw DecoderFailure.Wrap(sourceName, DecoderName, ex);
        }

        if (reader.Channels is < 1 or > 255 || reader.SampleRate is < 1 or > 1_000_000)
        {
            int channels = reader.Channels, rate = reader.SampleRate;
            reader.Dispose();
            throw new AudioFormatException(sourceName, $"the Vorbis header declares {channels} channels at {rate} Hz, which is not playable");
        }

        return reader;
    }

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _cancellationToken.ThrowIfCancellationRequested();
        int wanted = buffer.Length - (buffer.Length % _channels);
        if (_ended || wanted == 0)
        {
            return 0;
        }

        int got;
        try
        {
            got = _reader.ReadSamples(buffer[..wanted]);
        }
        catch (Exception ex) when (DecoderFailure.IsBadInput(ex))
        {
            throw DecoderFailure.Wrap(_sourceName, DecoderName, ex);
        }

        got -= got % _channels;
        if (got <= 0)
        {
            _ended = true;
            return 0;
        }

        Samples.ReplaceNonFinite(buffer[..got]);
        return got;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _reader.Dispose();
    }
}
