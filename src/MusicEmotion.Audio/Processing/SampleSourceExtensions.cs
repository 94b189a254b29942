namespace MusicEmotion.Audio.Processing;

/// <summary>Fluent helpers to chain the processing stages: <c>decoder.ToMono().Resample(22050)</c>.</summary>
public static class SampleSourceExtensions
{
    /// <summary>The default cap of <see cref="ReadAll"/>: 64 Mi samples (256 MiB, about 25 minutes of 44.1 kHz stereo).</summary>
    public const int DefaultReadAllMaxSamples = 1 << 26;

    /// <summary>
    /// Mixes <paramref name="source"/> down to mono (the mean of the channels; see <see cref="MonoMixdownSource"/>).
    /// A source that is already mono is returned as is.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static ISampleSource ToMono(this ISampleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Format.Channels == 1 ? source : new MonoMixdownSource(source);
    }

    /// <summary>
    /// Resamples a mono <paramref name="source"/> to <paramref name="targetRate"/> Hz (see <see cref="ResamplingSource"/>).
    /// A source already at that rate is returned as is.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rate or the quality is out of range.</exception>
    /// <exception cref="ArgumentException">The rates differ and the source is not mono.</exception>
    public static ISampleSource Resample(this ISampleSource source, int targetRate, ResamplerQuality quality = ResamplerQuality.Balanced)
    {
        ArgumentNullException.ThrowIfNull(source);
        PolyphaseResampler.ValidateRate(targetRate, nameof(targetRate));
        if (!Enum.IsDefined(quality))
        {
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "Unknown resampler quality.");
        }

        return source.Format.SampleRate == targetRate ? source : new ResamplingSource(source, targetRate, quality);
    }

    /// <summary>Mixes down to mono, then resamples to <paramref name="sampleRate"/> Hz: <c>source.ToMono().Resample(sampleRate, quality)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rate or the quality is out of range.</exception>
    public static ISampleSource ToMonoAt(this ISampleSource source, int sampleRate, ResamplerQuality quality = ResamplerQuality.Balanced)
    {
        ArgumentNullException.ThrowIfNull(source);
        PolyphaseResampler.ValidateRate(sampleRate, nameof(sampleRate));
        return source.ToMono().Resample(sampleRate, quality);
    }

    /// <summary>
    /// Reads <paramref name="source"/> to its end into one interleaved array. Meant for short inputs (tests, clips);
    /// stream longer ones. Does not dispose the source.
    /// </summary>
    /// <param name="source">The source to drain.</param>
    /// <param name="maxSamples">Refuse sources with more samples (frames × channels) than this.</param>
    /// <returns>All remaining samples.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSamples"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">
    /// The source holds more than <paramref name="maxSamples"/> samples (checked up front when its length is known).
    /// </exception>
    public static float[] ReadAll(this ISampleSource source, int maxSamples = DefaultReadAllMaxSamples)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSamples);
        int channels = Math.Max(1, source.Format.Channels);
        if (source.LengthInFrames is { } frames && frames * channels > maxSamples)
        {
            throw TooLong(source, maxSamples);
        }

        // Known length: allocate exactly and confirm the end with a one-frame probe (no final copy).
        long initial = source.LengthInFrames is { } known ? known * channels : Math.Min(64 * 1024, maxSamples);
        var result = new float[initial];
        Span<float> probe = channels <= 64 ? stackalloc float[channels] : new float[channels];
        int count = 0;
        while (true)
        {
            int read;
            if (result.Length - count >= channels)
            {
                read = source.Read(result.AsSpan(count));
                if (read == 0)
                {
                    break;
                }
            }
            else
            {
                read = source.Read(probe);
                if (read == 0)
                {
                    break;
                }

                if ((long)count + read > maxSamples)
                {
                    throw TooLong(source, maxSamples);
                }

                long grown = Math.Min(Math.Max(Math.Max(2L * result.Length, 4096), count + read), maxSamples);
                Array.Resize(ref result, (int)grown);
                probe[..read].CopyTo(result.AsSpan(count));
            }

            count += read;
            if (count > maxSamples)
            {
                throw TooLong(source, maxSamples);
            }
        }

        if (count != result.Length)
        {
            Array.Resize(ref result, count);
        }

        return result;
    }

    private static InvalidOperationException TooLong(ISampleSource source, int maxSamples) => new(
        $"The source ({source.Format}) holds more than {maxSamples:N0} samples, the limit for reading it whole; stream it instead or raise maxSamples.");
}
