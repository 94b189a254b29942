using System.Globalization;
using System.Text;

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

    /// <summary>
    /// The timeline as CSV, the one text form that <c>mer analyze --format csv</c> and the HTTP service's
    /// <c>timeline.csv</c> share: a header <c>second,arousal,valence</c>, then one row per second, values rounded to 4
    /// decimals (half away from zero), invariant culture, <c>\n</c> line ends.
    /// </summary>
    public string ToCsv()
    {
        var text = new StringBuilder("second,arousal,valence\n", 24 + (Count * 20));
        for (int i = 0; i < Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{Round4(Arousal[i])},{Round4(Valence[i])}\n");
        }

        return text.ToString();
    }

    private static double Round4(float value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    /// <summary>Second <paramref name="second"/> as the frame a streaming analysis reports for it.</summary>
    internal EmotionFrame FrameAt(int second) => new(second, Arousal[second], Valence[second]);
}
