using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Inference.Windowing;

/// <summary>
/// Applies a card's <see cref="TemporalSmoothing"/> to per-second values as they stream in: value <c>i</c> is
/// released once values up to <c>i + half</c> are known (or at the end), so the result equals the whole-timeline
/// computation. Keeps only <c>2·half + 1</c> pending values. Not thread-safe.
/// </summary>
public sealed class TemporalSmoother
{
    private readonly int _half;
    private readonly double _arousalScale;
    private readonly double _valenceScale;
    private readonly List<ArousalValence> _values = []; // values of seconds [_first, _first + Count)
    private int _first;
    private int _nextOut;

    /// <summary>Creates the smoother; <paramref name="arousalScale"/> and <paramref name="valenceScale"/> are the deviation factors.</summary>
    public TemporalSmoother(int halfWindowSeconds, double arousalScale, double valenceScale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(halfWindowSeconds);
        _half = halfWindowSeconds;
        _arousalScale = arousalScale;
        _valenceScale = valenceScale;
    }

    /// <summary>Adds the next second's value and reports every value that has become final.</summary>
    public void Add(ArousalValence value, IEmotionSecondSink sink)
    {
        _values.Add(value);
        int known = _first + _values.Count;
        while (_nextOut + _half < known)
        {
            Emit(sink, known);
        }
    }

    /// <summary>Reports the remaining values (their windows end at the last second).</summary>
    public void Complete(IEmotionSecondSink sink)
    {
        int known = _first + _values.Count;
        while (_nextOut < known)
        {
            Emit(sink, known);
        }
    }

    /// <summary>Smooths a whole timeline at once (the same result as streaming it).</summary>
    public static ArousalValence[] Apply(IReadOnlyList<ArousalValence> values, int halfWindowSeconds, double arousalScale, double valenceScale)
    {
        var smoother = new TemporalSmoother(halfWindowSeconds, arousalScale, valenceScale);
        var collector = new ArrayCollector(values.Count);
        foreach (ArousalValence v in values)
        {
            smoother.Add(v, collector);
        }

        smoother.Complete(collector);
        return collector.Values;
    }

    private void Emit(IEmotionSecondSink sink, int known)
    {
        int from = Math.Max(0, _nextOut - _half);
        int to = Math.Min(known - 1, _nextOut + _half);
        double sumA = 0, sumV = 0;
        for (int s = from; s <= to; s++)
        {
            ArousalValence v = _values[s - _first];
            sumA += v.Arousal;
            sumV += v.Valence;
        }

        int count = to - from + 1;
        double meanA = sumA / count, meanV = sumV / count;
        ArousalValence own = _values[_nextOut - _first];
        sink.OnSecond(_nextOut, new ArousalValence(
            (float)Math.Clamp(meanA + (_arousalScale * (own.Arousal - meanA)), -1, 1),
            (float)Math.Clamp(meanV + (_valenceScale * (own.Valence - meanV)), -1, 1)));
        _nextOut++;

        int drop = Math.Max(0, _nextOut - _half) - _first;
        if (drop > 0)
        {
            _values.RemoveRange(0, drop);
            _first += drop;
        }
    }

    private sealed class ArrayCollector(int count) : IEmotionSecondSink
    {
        public ArousalValence[] Values { get; } = new ArousalValence[count];

        public void OnSecond(int second, ArousalValence value) => Values[second] = value;
    }
}
