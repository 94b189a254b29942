using MusicEmotion.Audio.Decoding;
using NLayer;

namespace MusicEmotion.Audio.Managed;

/// <summary>
/// Streams MP3 (MPEG-1/2/2.5 Layer I, II, III) decoded in process: <see cref="MpegFrameReader"/> finds the frames and
/// NLayer's <see cref="MpegFrameDecoder"/> decodes each. Timing follows ffmpeg's: the Xing/Info frame is skipped,
/// LAME's gapless fields drop the encoder and decoder delay at the start and the padding at the end, and a frame
/// that cannot be decoded (its bit reservoir lies before a cut, or it is damaged) becomes one frame of silence
/// rather than vanishing, so later audio stays at its time. Memory: two small buffers, whatever the length.
/// </summary>
internal sealed class Mp3SampleSource : ISampleSource
{
    /// <summary>Damaged frames in a row after which the stream is declared undecodable.</summary>
    private const int MaxConsecutiveFailures = 64;

    private const string DecoderName = "NLayer";
    private readonly Stream _input;
    private readonly MpegFrameReader _reader;
    private readonly MpegAudioFrame _frame = new();
    private readonly MpegFrameDecoder _decoder = new();
    private readonly float[] _decoded = new float[1152 * 2];
    private readonly string _sourceName;
    private readonly CancellationToken _cancellationToken;
    private readonly int _channels;
    private int _decodedStart;
    private int _decodedEnd;
    private long _framesToSkip;
    private long? _framesRemaining;
    private int _consecutiveFailures;
    private bool _ended;
    private bool _disposed;

    private Mp3SampleSource(Stream input, Mp3StreamStart start, string sourceName, CancellationToken cancellationToken)
    {
        _input = input;
        _sourceName = sourceName;
        _cancellationToken = cancellationToken;
        _channels = start.FirstFrame.Channels;
        _decoder.StereoMode = _channels == 1 ? StereoMode.DownmixToMono : StereoMode.Both;
        _reader = new MpegFrameReader(input, start.FirstFrame);
        Format = new AudioFormat(start.FirstFrame.SampleRate, _channels);
        _framesToSkip = start.LeadingFramesToSkip;
        _framesRemaining = start.PlayableFrames;
        LengthInFrames = start.PlayableFrames;
        if (start.FirstFrameIsTag)
        {
            _reader.TryReadNext(_frame);
        }
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <summary>The length the LAME tag states, when it does (a truncated file ends earlier).</summary>
    public long? LengthInFrames { get; }

    /// <summary>Reads the start of <paramref name="stream"/> (tags, first frame, gapless fields); the source owns the stream.</summary>
    /// <exception cref="AudioFormatException">No MPEG audio in it.</exception>
    public static Mp3SampleSource Open(Stream stream, string sourceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            Mp3StreamStart start = Mp3StreamStart.Read(stream, sourceName);
            return new Mp3SampleSource(new PrefixedStream(start.Prefix, start.PrefixLength, stream), start, sourceName, cancellationToken);
        }
        catch (Exception ex) when (DecoderFailure.IsBadInput(ex))
        {
            stream.Dispose();
            throw DecoderFailure.Wrap(sourceName, DecoderName, ex);
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
        int capacity = buffer.Length - (buffer.Length % _channels);
        if (_framesRemaining is { } remaining)
        {
            capacity = (int)Math.Min(capacity, remaining * _channels);
        }

        int written = 0;
        while (written < capacity)
        {
            if (_decodedStart == _decodedEnd && !DecodeNextFrame())
            {
                break;
            }

            int count = Math.Min(capacity - written, _decodedEnd - _decodedStart);
            _decoded.AsSpan(_decodedStart, count).CopyTo(buffer[written..]);
            _decodedStart += count;
            written += count;
        }

        if (_framesRemaining is not null)
        {
            _framesRemaining -= written / _channels;
        }

        return written;
    }

    /// <summary>Decodes one frame into <c>_decoded</c> (dropping what the gapless delay says); false at the end.</summary>
    private bool DecodeNextFrame()
    {
        while (!_ended)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            bool hasFrame;
            try
            {
                hasFrame = _reader.TryReadNext(_frame);
            }
            catch (IOException ex)
            {
                throw new AudioFormatException(_sourceName, $"reading the MP3 failed: {ex.Message}", ex);
            }

            if (!hasFrame)
            {
                _ended = true;
                return false;
            }

            int frameSamples = _frame.Header.SamplesPerFrame;
            int count = Decode(frameSamples);
            Samples.ReplaceNonFinite(_decoded.AsSpan(0, count));
            _decodedStart = 0;
            _decodedEnd = count;
            if (_framesToSkip > 0)
            {
                int skip = (int)Math.Min(_framesToSkip, frameSamples);
                _framesToSkip -= skip;
                _decodedStart = skip * _channels;
            }

            if (_decodedStart < _decodedEnd)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Decodes the current frame as <see cref="Format"/>'s channel count; silence when NLayer cannot.</summary>
    private int Decode(int frameSamples)
    {
        int count = frameSamples * _channels;
        int produced;
        try
        {
            produced = _decoder.DecodeFrame(_frame, _decoded.AsSpan());
            _consecutiveFailures = 0;
        }
        catch (Exception ex) when (DecoderFailure.IsBadInput(ex))
        {
            // A damaged frame: reset the synthesis state and keep time with silence, like ffmpeg's concealment.
            _decoder.Reset();
            if (++_consecutiveFailures > MaxConsecutiveFailures)
            {
                throw DecoderFailure.Wrap(_sourceName, $"{DecoderName} ({MaxConsecutiveFailures} damaged frames in a row)", ex);
            }

            produced = 0;
        }

        if (produced == 0)
        {
            // Bit reservoir before the start of the stream (a file cut without re-encoding), or a damaged frame.
            _decoded.AsSpan(0, count).Clear();
            return count;
        }

        if (produced == frameSamples && _channels == 2)
        {
            // A mono frame in a stereo stream: duplicate it into both channels (backwards, in place).
            for (int i = frameSamples - 1; i >= 0; i--)
            {
                _decoded[(2 * i) + 1] = _decoded[i];
                _decoded[2 * i] = _decoded[i];
            }
        }

        return count;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _input.Dispose();
    }
}
