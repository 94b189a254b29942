namespace MusicEmotion.Audio;

/// <summary>
/// A pull-based source of interleaved 32-bit float PCM samples on [-1, 1], in the spirit of NAudio's
/// <c>ISampleProvider</c>: small stages (decoder, mix-down, resampler) wrap one another and stream,
/// so a one-hour file is never loaded whole.
/// </summary>
public interface ISampleSource : IDisposable
{
    /// <summary>The sample rate and channel count of the samples that <see cref="Read"/> returns.</summary>
    AudioFormat Format { get; }

    /// <summary>The total number of frames (one sample per channel) when known up front; otherwise <c>null</c>.</summary>
    long? LengthInFrames { get; }

    /// <summary>
    /// Fills <paramref name="buffer"/> with interleaved samples and returns how many were written:
    /// always a multiple of <see cref="AudioFormat.Channels"/>, and 0 only at the end of the stream.
    /// </summary>
    /// <exception cref="AudioException">The data turned out to be corrupt or the decoder failed.</exception>
    int Read(Span<float> buffer);
}
