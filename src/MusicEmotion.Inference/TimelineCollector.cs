namespace MusicEmotion.Inference;

/// <summary>An <see cref="IEmotionSecondSink"/> that keeps every value, to build an <see cref="EmotionTimeline"/>.</summary>
public sealed class TimelineCollector : IEmotionSecondSink
{
    private readonly List<float> _arousal = [];
    private readonly List<float> _valence = [];

    /// <inheritdoc />
    public void OnSecond(int second, ArousalValence value)
    {
        if (second != _arousal.Count)
        {
            throw new InvalidOperationException($"Second {second} arrived out of order (expected {_arousal.Count}).");
        }

        _arousal.Add(value.Arousal);
        _valence.Add(value.Valence);
    }

    /// <summary>The collected values as a timeline of <paramref name="durationSeconds"/>.</summary>
    public EmotionTimeline ToTimeline(double durationSeconds) => new(_arousal, _valence, durationSeconds);
}
