namespace MusicEmotion.Inference;

/// <summary>
/// Arousal and valence for every second of a track, each on [-1, 1]. Value <c>i</c> covers second <c>[i, i+1)</c>;
/// every started second has a value, so the last one may describe a partial second ending at <see cref="DurationSeconds"/>.
/// </summary>
public sealed class EmotionTimeline
{
    /// <summary>Creates a timeline from per-second values.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length or hold values outside [-1, 1].</exception>
    public EmotionTimeline(IReadOnlyList<float> arousal, IReadOnlyList<float> valence, double durationSeconds)
    {
        ArgumentNullException.ThrowIfNull(arousal);
        ArgumentNullException.ThrowIfNull(valence);
        if (arousal.Count != valence.Count)
        {
            throw new ArgumentException($"{arousal.Count} arousal values but {valence.Count} valence values.", nameof(valence));
        }

        if (arousal.Concat(valence).Any(v => !(v >= -1f && v <= 1f)))
        {
            throw new ArgumentException("Arousal and valence must lie on [-1, 1].", nameof(arousal));
        }

        Arousal = arousal.ToArray();
        Valence = valence.ToArray();
        DurationSeconds = durationSeconds;
    }

    /// <summary>Arousal per second.</summary>
    public IReadOnlyList<float> Arousal { get; }

    /// <summary>Valence per second.</summary>
    public IReadOnlyList<float> Valence { get; }

    /// <summary>Length of the audio in seconds.</summary>
    public double DurationSeconds { get; }

    /// <summary>Seconds covered by each value: always 1.</summary>
    public double SecondsPerValue => 1.0;

    /// <summary>Number of values (one per started second).</summary>
    public int Count => Arousal.Count;

    /// <summary>The value of second <paramref name="second"/>.</summary>
    public ArousalValence this[int second] => new(Arousal[second], Valence[second]);
}
