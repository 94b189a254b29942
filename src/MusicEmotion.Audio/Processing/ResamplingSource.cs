namespace MusicEmotion.Audio.Processing;

/// <summary>
/// Converts a <b>mono</b> source to another sample rate with a <see cref="PolyphaseResampler"/> (see it for the
/// filter, timing and length rules: output frame 0 aligns with input frame 0, and the length is
/// <c>round(inputFrames · target / source)</c>). Mix down first (<see cref="MonoMixdownSource"/>); a source that is
/// already at the target rate is passed through untouched, whatever its channel count.
/// </summary>
/// <remarks>
/// Streams: the inner source is read in blocks of <see cref="InnerBlockFrames"/> frames into a pooled buffer only
/// when the resampler needs more input, so memory stays bounded and steady-state reading allocates nothing.
/// Disposing this source disposes the inner one.
/// </remarks>
internal sealed class ResamplingSource : SampleStage
{
    /// <summary>Frames requested from the inner source per read.</summary>
    public const int InnerBlockFrames = 4096;

    private readonly PolyphaseResampler? _resampler;

    /// <summary>Wraps <paramref name="inner"/>, which this source then owns.</summary>
    /// <param name="inner">The source to convert; mono unless it is already at <paramref name="targetRate"/>.</param>
    /// <param name="targetRate">Output sample rate in Hz, 1 to <see cref="PolyphaseResampler.MaxSampleRate"/>.</param>
    /// <param name="quality">Filter preset.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rates or the quality are out of range (see <see cref="PolyphaseResampler"/>).</exception>
    /// <exception cref="ArgumentException">The rates differ and <paramref name="inner"/> is not mono.</exception>
    public ResamplingSource(ISampleSource inner, int targetRate, ResamplerQuality quality = ResamplerQuality.Balanced)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        AudioFormat format = inner.Format;
        PolyphaseResampler.ValidateRate(targetRate, nameof(targetRate));
        if (format.SampleRate != targetRate)
        {
            if (format.Channels != 1)
            {
                throw new ArgumentException(
                    $"Resampling needs a mono source but this one has {format.Channels} channels; mix it down first (ToMono()).",
                    nameof(inner));
            }

            _resampler = new PolyphaseResampler(format.SampleRate, targetRate, quality);
        }
        else if (!Enum.IsDefined(quality))
        {
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "Unknown resampler quality.");
        }

        Format = format with { SampleRate = targetRate };
    }

    /// <summary>The target rate with the inner channel count.</summary>
    public override AudioFormat Format { get; }

    /// <summary>True when the rates are equal and samples pass through untouched.</summary>
    public bool IsPassThrough => _resampler is null;

    /// <summary>
    /// <see cref="PolyphaseResampler.GetOutputLength"/> of the inner length when that is known; otherwise null.
    /// </summary>
    public override long? LengthInFrames => _resampler is null || Inner.LengthInFrames is not { } frames
        ? Inner.LengthInFrames
        : PolyphaseResampler.GetOutputLength(frames, _resampler.SourceRate, _resampler.TargetRate);

    /// <summary>Fills <paramref name="buffer"/>; returns fewer samples only at the end of the stream.</summary>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    public override int Read(Span<float> buffer)
    {
        ThrowIfDisposed();
        if (_resampler is null)
        {
            return Inner.Read(buffer);
        }

        int written = 0;
        while (written < buffer.Length)
        {
            written += _resampler.Read(buffer[written..]);
            if (written == buffer.Length || _resampler.IsDrained)
            {
                break;
            }

            if (!_resampler.IsCompleted)
            {
                float[] scratch = Scratch(InnerBlockFrames);
                int got = Inner.Read(scratch.AsSpan(0, InnerBlockFrames));
                if (got == 0)
                {
                    _resampler.Complete();
                }
                else
                {
                    _resampler.Write(scratch.AsSpan(0, got));
                }
            }
        }

        return written;
    }
}
