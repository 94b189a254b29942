namespace MusicEmotion.Inference.Prediction;

/// <summary>An <see cref="IEmotionSecondSink"/> that keeps every second, to build an <see cref="EmotionTimeline"/>.</summary>
internal sealed class TimelineCollector : IEmotionSecondSink
{
    private readonly List<float> _arousal = [];
    private readonly List<float> _valence = [];
    private readonly List<MusicPresence> _presence = [];

    /// <inheritdoc />
    public void OnSecond(in EmotionFrame frame)
    {
        if (frame.Second != _arousal.Count)
        {
            throw new InvalidOperationException($"Second {frame.Second} arrived out of order (expected {_arousal.Count}).");
        }

        _arousal.Add(frame.Arousal);
        _valence.Add(frame.Valence);
        _presence.Add(frame.Presence);
    }

    /// <summary>The collected seconds as a timeline of <paramref name="durationSeconds"/>.</summary>
    public EmotionTimeline ToTimeline(double durationSeconds) => new(_arousal, _valence, durationSeconds, _presence);
}
