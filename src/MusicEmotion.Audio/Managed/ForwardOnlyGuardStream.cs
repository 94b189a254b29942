using MusicEmotion.Audio.Decoding;

namespace MusicEmotion.Audio.Managed;

/// <summary>
/// Hands a third-party decoder a forward-only, non-seekable view of the input and stops it from spinning at the end:
/// once the input has ended, more than <see cref="MaxReadsAfterEnd"/> further reads mean the decoder is looping on
/// corrupt data (NVorbis 0.10.5 can replay a broken page forever), and the next read throws
/// <see cref="AudioFormatException"/>. Disposing it disposes the input.
/// </summary>
internal sealed class ForwardOnlyGuardStream(Stream inner, string sourceName, string decoderName) : ForwardReadStream(inner)
{
    /// <summary>Reads that may follow the end of the input (decoders retry short reads a few times each).</summary>
    public const int MaxReadsAfterEnd = 1000;

    private int _readsAfterEnd;

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int n = Inner.Read(buffer);
        if (n == 0 && ++_readsAfterEnd > MaxReadsAfterEnd)
        {
            throw new AudioFormatException(sourceName, $"{decoderName} kept reading past the end of the data (corrupt stream)");
        }

        return n;
    }
}
