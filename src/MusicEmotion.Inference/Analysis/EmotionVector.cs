namespace MusicEmotion.Inference.Analysis;

/// <summary>
/// A song's emotion timeline resampled to a fixed number of values per dimension, so that songs of any length can be
/// compared or indexed for similarity search. A longer song is area-averaged (each value is the mean of the curve over
/// its share of the song, so the mean is kept), a shorter one linearly interpolated with its first and last values kept.
/// </summary>
public sealed class EmotionVector
{
    /// <summary>The default length: 180 values, one per second of a three-minute song.</summary>
    public const int DefaultLength = 180;

    /// <summary>The largest length the options accept.</summary>
    internal const int MaxLength = 100_000;

    private readonly float[] _arousal;
    private readonly float[] _valence;

    private EmotionVector(float[] arousal, float[] valence)
    {
        _arousal = arousal;
        _valence = valence;
    }

    /// <summary>Resampled arousal, <see cref="Length"/> values.</summary>
    public IReadOnlyList<float> Arousal => _arousal;

    /// <summary>Resampled valence, <see cref="Length"/> values.</summary>
    public IReadOnlyList<float> Valence => _valence;

    /// <summary>Values per dimension.</summary>
    public int Length => _arousal.Length;

    /// <summary>Resamples <paramref name="timeline"/> to <paramref name="length"/> values per dimension.</summary>
    /// <param name="timeline">A timeline with at least one value.</param>
    /// <param name="length">Values per dimension, e.g. the average track length in seconds (default 180).</param>
    /// <exception cref="ArgumentException">The timeline is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is less than 1.</exception>
    public static EmotionVector From(EmotionTimeline timeline, int length = DefaultLength)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        if (timeline.Count == 0)
        {
            throw new ArgumentException("Cannot build an emotion vector from an empty emotion timeline.", nameof(timeline));
        }

        if (!timeline.HasMusic)
        {
            return new EmotionVector(new float[length], new float[length]);
        }

        IReadOnlyList<int> music = timeline.MusicSeconds;
        return new EmotionVector(
            FixedLengthResampler.Resample(music.Select(s => timeline.Arousal[s]).ToArray(), length),
            FixedLengthResampler.Resample(music.Select(s => timeline.Valence[s]).ToArray(), length));
    }

    /// <summary>A new array of <c>2 · Length</c> values: all arousal values, then all valence values.</summary>
    public float[] ToConcatenated()
    {
        var result = new float[_arousal.Length * 2];
        _arousal.CopyTo(result, 0);
        _valence.CopyTo(result, _arousal.Length);
        return result;
    }
}
