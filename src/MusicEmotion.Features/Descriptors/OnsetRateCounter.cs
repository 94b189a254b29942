namespace MusicEmotion.Features.Descriptors;

/// <summary>
/// Counts note onsets in a streamed onset-strength envelope, in the spirit of <c>librosa.onset.onset_detect</c>
/// (<c>pre_max = post_max = 3</c> frames, <c>pre_avg = post_avg = 10</c>, <c>wait = 3</c>): frame <c>t</c> is an onset
/// when its strength is the maximum of frames <c>t-3 … t+3</c>, exceeds the mean of frames <c>t-10 … t+10</c> by at least
/// half the envelope's running standard deviation and by at least 0.5 (the envelope is a mean rise in dB per mel band,
/// so a steady tone's numerical ripple never counts), and comes at least 3 frames after the previous onset.
/// </summary>
/// <remarks>
/// librosa normalises the envelope by its global maximum and uses a fixed <c>delta = 0.07</c>; a stream cannot know the
/// maximum, so the threshold scales with the running standard deviation instead. Constant memory (a 21-frame ring);
/// decisions lag the input by 10 frames. Not thread-safe.
/// </remarks>
internal sealed class OnsetRateCounter
{
    private const int MaxRadius = 3;
    private const int MeanRadius = 10;
    private const int Wait = 3;
    private const double ThresholdDeviations = 0.5;
    private const double MinimumRise = 0.5;
    private readonly float[] _ring = new float[(2 * MeanRadius) + 1];
    private long _count;
    private long _decided;
    private long _lastOnset = long.MinValue / 2;
    private double _mean;
    private double _m2;

    /// <summary>Onsets counted so far.</summary>
    public int Onsets { get; private set; }

    /// <summary>Envelope values consumed so far.</summary>
    public long Frames => _count;

    /// <summary>Consumes the next envelope value (frame order).</summary>
    public void Add(float onsetStrength)
    {
        _ring[_count % _ring.Length] = onsetStrength;
        _count++;
        double delta = onsetStrength - _mean;
        _mean += delta / _count;
        _m2 += delta * (onsetStrength - _mean);
        while (_decided <= _count - 1 - MeanRadius)
        {
            Decide(_decided++, _count - 1);
        }
    }

    /// <summary>Decides the last frames, whose right-hand context is cut by the end of the track.</summary>
    public void Complete()
    {
        while (_decided < _count)
        {
            Decide(_decided++, _count - 1);
        }
    }

    private void Decide(long t, long last)
    {
        long from = Math.Max(0, Math.Max(t - MeanRadius, last - _ring.Length + 1));
        long to = Math.Min(last, t + MeanRadius);
        float value = _ring[t % _ring.Length];
        double sum = 0;
        for (long i = from; i <= to; i++)
        {
            float v = _ring[i % _ring.Length];
            sum += v;
            if (Math.Abs(i - t) <= MaxRadius && v > value)
            {
                return;
            }
        }

        double localMean = sum / (to - from + 1);
        double deviation = _count > 1 ? Math.Sqrt(_m2 / (_count - 1)) : 0;
        if (value > localMean + Math.Max(ThresholdDeviations * deviation, MinimumRise) && t - _lastOnset >= Wait)
        {
            _lastOnset = t;
            Onsets++;
        }
    }
}
