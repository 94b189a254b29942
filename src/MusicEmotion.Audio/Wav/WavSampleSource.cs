using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MusicEmotion.Audio.Wav;

/// <summary>
/// Streams interleaved float samples out of a WAV stream (PCM 8/16/24/32-bit, IEEE float 32/64,
/// WAVE_FORMAT_EXTENSIBLE, any channel count). Memory use is one reusable byte buffer, whatever the
/// file length. Non-finite float samples (NaN, infinity) read as 0. When the header declares a data length the stream must deliver it: ending early raises
/// <see cref="AudioFormatException"/>. A trailing partial frame is ignored.
/// </summary>
internal sealed class WavSampleSource : ISampleSource
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly string _sourceName;
    private long? _bytesRemaining;
    private byte[] _bytes = [];
    private bool _disposed;

    /// <summary>Parses the header of <paramref name="stream"/> and prepares to stream its samples.</summary>
    /// <param name="stream">A readable stream positioned at the start of the WAV file.</param>
    /// <param name="sourceName">Name used in error messages (usually the file path).</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open on dispose.</param>
    /// <exception cref="AudioFormatException">The header is invalid.</exception>
    public WavSampleSource(Stream stream, string sourceName, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _sourceName = sourceName;
        try
        {
            Header = WavHeaderParser.Parse(stream, sourceName);
        }
        catch
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw;
        }

        _bytesRemaining = Header.DataLength / Header.BlockAlign * Header.BlockAlign;
    }

    /// <summary>The parsed header.</summary>
    public WavHeader Header { get; }

    /// <inheritdoc />
    public AudioFormat Format => Header.Format;

    /// <inheritdoc />
    public long? LengthInFrames => Header.FrameCount;

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int channels = Header.Format.Channels;
        int frames = buffer.Length / channels;
        if (frames == 0)
        {
            return 0;
        }

        int blockAlign = Header.BlockAlign;
        long wanted = (long)frames * blockAlign;
        if (_bytesRemaining is { } remaining)
        {
            wanted = Math.Min(wanted, remaining);
        }

        if (wanted == 0)
        {
            return 0;
        }

        int want = (int)wanted;
        if (_bytes.Length < want)
        {
            _bytes = new byte[Math.Max(want, 4096)];
        }

        int got = 0;
        while (got < want)
        {
            int n;
            try
            {
                n = _stream.Read(_bytes, got, want - got);
            }
            catch (IOException ex)
            {
                throw new AudioFormatException(_sourceName, $"reading sample data failed: {ex.Message}", ex);
            }

            if (n == 0)
            {
                break;
            }

            got += n;
        }

        if (got < want && _bytesRemaining is not null)
        {
            throw new AudioFormatException(_sourceName,
                $"sample data ends {_bytesRemaining - got:N0} bytes before the length its header declares (truncated file)");
        }

        int wholeFrames = got / blockAlign;
        int usedBytes = wholeFrames * blockAlign;
        if (_bytesRemaining is not null)
        {
            _bytesRemaining -= usedBytes;
        }

        int samples = wholeFrames * channels;
        Convert(_bytes.AsSpan(0, usedBytes), buffer[..samples], Header.Encoding);
        return samples;
    }

    private static void Convert(ReadOnlySpan<byte> src, Span<float> dst, WavSampleEncoding encoding)
    {
        switch (encoding)
        {
            case WavSampleEncoding.Pcm8:
                for (int i = 0; i < dst.Length; i++)
                {
                    dst[i] = (src[i] - 128) * (1f / 128f);
                }

                break;
            case WavSampleEncoding.Pcm16:
                {
                    ReadOnlySpan<short> s = MemoryMarshal.Cast<byte, short>(src);
                    for (int i = 0; i < dst.Length; i++)
                    {
                        dst[i] = (BitConverter.IsLittleEndian ? s[i] : BinaryPrimitives.ReverseEndianness(s[i])) * (1f / 32768f);
                    }

                    break;
                }

            case WavSampleEncoding.Pcm24:
                for (int i = 0, j = 0; i < dst.Length; i++, j += 3)
                {
                    int v = (src[j] | (src[j + 1] << 8) | (src[j + 2] << 16)) << 8 >> 8;
                    dst[i] = v * (1f / 8388608f);
                }

                break;
            case WavSampleEncoding.Pcm32:
                for (int i = 0; i < dst.Length; i++)
                {
                    dst[i] = BinaryPrimitives.ReadInt32LittleEndian(src[(i * 4)..]) * (1f / 2147483648f);
                }

                break;
            case WavSampleEncoding.Float32:
                for (int i = 0; i < dst.Length; i++)
                {
                    dst[i] = Finite(BinaryPrimitives.ReadSingleLittleEndian(src[(i * 4)..]));
                }

                break;
            case WavSampleEncoding.Float64:
                for (int i = 0; i < dst.Length; i++)
                {
                    dst[i] = Finite((float)BinaryPrimitives.ReadDoubleLittleEndian(src[(i * 8)..]));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown WAV sample encoding.");
        }
    }

    // NaN or infinity in a float file would poison every feature downstream: they read as silence.
    private static float Finite(float value) => float.IsFinite(value) ? value : 0f;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
