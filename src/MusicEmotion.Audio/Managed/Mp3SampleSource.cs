using MusicEmotion.Audio.Decoding;
using NLayer;

namespace MusicEmotion.Audio.Managed;

/// <summary>
/// Streams MP3 (MPEG-1/2/2.5 Layer I, II, III) decoded in process by NLayer. When the first frame carries LAME's
/// gapless fields, the encoder and decoder delay are dropped at the start and the padding at the end, exactly as
/// ffmpeg does, so both decoders give the same samples. Memory is NLayer's frame buffers, whatever the length.
/// </summary>
internal sealed class Mp3SampleSource : ISampleSource
{
    private const string DecoderName = "NLayer";
    private readonly MpegFile _file;
    private readonly Stream _input;
    private readonly string _sourceName;
    private readonly CancellationToken _cancellationToken;
    private readonly int _channels;
    private long _framesToSkip;
    private long? _framesRemaining;
    private float[]? _skipBuffer;
    private bool _disposed;

    private Mp3SampleSource(MpegFile file, Stream input, Mp3StreamStart start, string sourceName, CancellationToken cancellationToken)
    {
        _file = file;
        _input = input;
        _sourceName = sourceName;
        _cancellationToken = cancellationToken;
        _channels = start.FirstFrame.Channels;
        Format = new AudioFormat(start.FirstFrame.SampleRate, _channels);
        _framesToSkip = start.LeadingFramesToSkip;
        _framesRemaining = start.PlayableFrames;
        LengthInFrames = start.PlayableFrames;
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <inheritdoc />
    public long? LengthInFrames { get; }

    /// <summary>Reads the start of <paramref name="stream"/> and prepares NLayer; the source owns the stream.</summary>
    /// <exception cref="AudioFormatException">No MPEG audio in it.</exception>
    public static Mp3SampleSource Open(Stream stream, string sourceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            Mp3StreamStart start = Mp3StreamStart.Read(stream, sourceName);
            // NLayer reads forward and asks for Position: the replaying stream tracks it and never seeks.
            var replay = new PrefixedStream(start.Prefix, start.PrefixLength, stream);
            MpegFile file;
            try
            {
                file = new MpegFile(replay);
            }
            catch (Exception ex) when (DecoderFailure.IsBadInput(ex))
            {
                throw DecoderFailure.Wrap(sourceName, DecoderName, ex);
            }

            if (file.SampleRate != start.FirstFrame.SampleRate || file.Channels != start.FirstFrame.Channels)
            {
                file.Dispose();
                throw new AudioFormatException(sourceName,
                    $"NLayer read {file.SampleRate} Hz, {file.Channels} ch where the first frame says {start.FirstFrame.SampleRate} Hz, {start.FirstFrame.Channels} ch (corrupt start)");
            }

            return new Mp3SampleSource(file, replay, start, sourceName, cancellationToken);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _cancellationToken.ThrowIfCancellationRequested();
        while (_framesToSkip > 0)
        {
            _skipBuffer ??= new float[4096 * _channels];
            int want = (int)Math.Min(_framesToSkip, 4096) * _channels;
            int skipped = Decode(_skipBuffer.AsSpan(0, want));
            if (skipped == 0)
            {
                _framesToSkip = 0;
                return 0;
            }

            _framesToSkip -= skipped / _channels;
        }

        long frames = buffer.Length / _channels;
        if (_framesRemaining is { } remaining)
        {
            frames = Math.Min(frames, remaining);
        }

        if (frames == 0)
        {
            return 0;
        }

        int got = Decode(buffer[..(int)(frames * _channels)]);
        got -= got % _channels;
        if (_framesRemaining is not null)
        {
            _framesRemaining -= got / _channels;
        }

        Samples.ReplaceNonFinite(buffer[..got]);
        return got;
    }

    private int Decode(Span<float> destination)
    {
        try
        {
            return _file.ReadSamples(destination);
        }
        catch (Exception ex) when (DecoderFailure.IsBadInput(ex))
        {
            throw DecoderFailure.Wrap(_sourceName, DecoderName, ex);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _file.Dispose();
        _input.Dispose();
    }
}
