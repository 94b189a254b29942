namespace MusicEmotion.Inference.Prediction;

/// <summary>
/// Applies an <see cref="EmotionSmoothing"/> window to the seconds as they stream in: second <c>i</c> is released once
/// seconds up to <c>i + half</c> are known (or at the end), so the result equals the whole-timeline computation. Keeps
/// only <c>2·half + 1</c> pending seconds. A released frame is the second's own with its values replaced. Windows stay
/// inside a run of music seconds: a second without music is passed on unchanged and ends the run (the music on either
/// side of a silence is smoothed as if the silence were the end and the start of the audio). Not thread-safe.
/// </summary>
internal sealed class TemporalSmoother
{
    private readonly int _half;
    private readonly double _arousalScale;
    private readonly double _valenceScale;
    private readonly List<EmotionFrame> _frames = []; // music seconds [_first, _first + Count) of the current run
    private int _first;
    private int _nextOut;
    private int _runStart;                             // first second of the current run of music

    /// <summary>Creates the smoother; <paramref name="arousalScale"/> and <paramref name="valenceScale"/> are the deviation factors.</summary>
    public TemporalSmoother(int halfWindowSeconds, double arousalScale, double valenceScale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(halfWindowSeconds);
        _half = halfWindowSeconds;
        _arousalScale = arousalScale;
        _valenceScale = valenceScale;
    }

    /// <summary>Adds the next second and reports every second that has become final.</summary>
    public void Add(in EmotionFrame frame, IEmotionSecondSink sink)
    {
        if (!frame.IsMusic)
        {
            Complete(sink);
            sink.OnSecond(frame);
            _first = _nextOut = _runStart = frame.Second + 1;
            return;
        }

        _frames.Add(frame);
        int known = _first + _frames.Count;
        while (_nextOut + _half < known)
        {
            Emit(sink, known);
        }
    }

    /// <summary>Reports the remaining seconds (their windows end at the last second).</summary>
    public void Complete(IEmotionSecondSink sink)
    {
        int known = _first + _frames.Count;
        while (_nextOut < known)
        {
            Emit(sink, known);
        }

        _frames.Clear();
        _first = _nextOut;
    }

    /// <summary>Smooths a whole series at once (the same result as streaming it).</summary>
    public static ArousalValence[] Apply(IReadOnlyList<ArousalValence> values, int halfWindowSeconds, double arousalScale, double valenceScale)
    {
        var smoother = new TemporalSmoother(halfWindowSeconds, arousalScale, valenceScale);
        var collector = new ArrayCollector(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            smoother.Add(new EmotionFrame(i, values[i].Arousal, values[i].Valence), collector);
        }

        smoother.Complete(collector);
        return collector.Values;
    }

    private void Emit(IEmotionSecondSink sink, int known)
    {
        int from = Math.Max(_runStart, _nextOut - _half);
        int to = Math.Min(known - 1, _nextOut + _half);
        double sumA = 0, sumV = 0;
        for (int s = from; s <= to; s++)
        {
            EmotionFrame f = _frames[s - _first];
            sumA += f.Arousal;
            sumV += f.Valence;
        }

        int count = to - from + 1;
        double meanA = sumA / count, meanV = sumV / count;
        EmotionFrame own = _frames[_nextOut - _first];
        sink.OnSecond(own with
        {
            Arousal = (float)Math.Clamp(meanA + (_arousalScale * (own.Arousal - meanA)), -1, 1),
            Valence = (float)Math.Clamp(meanV + (_valenceScale * (own.Valence - meanV)), -1, 1),
        });
        _nextOut++;

        int drop = Math.Max(_runStart, _nextOut - _half) - _first;
        if (drop > 0)
        {
            _frames.RemoveRange(0, drop);
            _first += drop;
        }
    }

    private sealed class ArrayCollector(int count) : IEmotionSecondSink
    {
        public ArousalValence[] Values { get; } = new ArousalValence[count];

        public void OnSecond(in EmotionFrame frame) => Values[frame.Second] = new ArousalValence(frame.Arousal, frame.Valence);
    }
}
