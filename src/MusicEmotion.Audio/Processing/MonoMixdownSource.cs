namespace MusicEmotion.Audio.Processing;

/// <summary>
/// Mixes an interleaved multi-channel source down to mono by taking, for every frame, the <b>arithmetic mean of
/// all channels</b> (<c>(c0 + c1 + … + cN−1) / N</c>). The mean keeps the level of content common to all channels
/// (L = R gives the same signal back) and cannot clip; content in antiphase cancels (L = 1, R = −1 gives 0).
/// </summary>
/// <remarks>
/// Streams: each <see cref="Read"/> pulls the matching number of frames from the inner source through a pooled
/// scratch buffer of at most <see cref="MaxFramesPerInnerRead"/> frames, so steady-state reading allocates nothing.
/// A mono inner source is passed through untouched. Disposing this source disposes the inner one.
/// </remarks>
internal sealed class MonoMixdownSource : SampleStage
{
    /// <summary>The most frames requested from the inner source per call (bounds the scratch buffer).</summary>
    public const int MaxFramesPerInnerRead = 8192;

    private readonly int _channels;

    /// <summary>Wraps <paramref name="inner"/>, which this source then owns.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="inner"/> reports fewer than one channel.</exception>
    public MonoMixdownSource(ISampleSource inner)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _channels = inner.Format.Channels;
        if (_channels < 1)
        {
            throw new ArgumentException($"The inner source reports {_channels} channels.", nameof(inner));
        }

        Format = inner.Format with { Channels = 1 };
    }

    /// <summary>The inner source's rate, with one channel.</summary>
    public override AudioFormat Format { get; }

    /// <inheritdoc />
    public override long? LengthInFrames => Inner.LengthInFrames;

    /// <summary>Fills <paramref name="buffer"/> with mono samples; returns fewer only at the end of the inner source.</summary>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    /// <exception cref="InvalidOperationException">The inner source returned a partial frame.</exception>
    public override int Read(Span<float> buffer)
    {
        ThrowIfDisposed();
        if (_channels == 1)
        {
            return Inner.Read(buffer);
        }

        int channels = _channels;
        float[] scratch = Scratch(MaxFramesPerInnerRead * channels);
        int written = 0;
        while (written < buffer.Length)
        {
            int frames = Math.Min(buffer.Length - written, MaxFramesPerInnerRead);
            int got = Inner.Read(scratch.AsSpan(0, frames * channels));
            if (got == 0)
            {
                break;
            }

            if (got % channels != 0)
            {
                throw new InvalidOperationException(
                    $"The inner source returned {got} samples, not a whole number of {channels}-channel frames.");
            }

            int gotFrames = got / channels;
            Mix(scratch.AsSpan(0, got), buffer.Slice(written, gotFrames), channels);
            written += gotFrames;
        }

        return written;
    }

    /// <summary>Averages each frame of <paramref name="interleaved"/> into <paramref name="mono"/>.</summary>
    internal static void Mix(ReadOnlySpan<float> interleaved, Span<float> mono, int channels)
    {
        if (channels == 2)
        {
            for (int f = 0, s = 0; f < mono.Length; f++, s += 2)
            {
                mono[f] = (interleaved[s] + interleaved[s + 1]) * 0.5f;
            }

            return;
        }

        float scale = 1f / channels;
        for (int f = 0, s = 0; f < mono.Length; f++, s += channels)
        {
            float sum = 0;
            for (int c = 0; c < channels; c++)
            {
                sum += interleaved[s + c];
            }

            mono[f] = sum * scale;
        }
    }
}
