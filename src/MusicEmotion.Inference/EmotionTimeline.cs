using System.Globalization;
using System.Text;

namespace MusicEmotion.Inference;

/// <summary>
/// Arousal and valence for every second of a track, each on [-1, 1], and whether the second holds music. Value <c>i</c>
/// covers second <c>[i, i+1)</c>; every started second has a value, so the last one may describe a partial second ending
/// at <see cref="DurationSeconds"/>. Seconds without music (<see cref="MusicPresence.Silence"/>,
/// <see cref="MusicPresence.SteadySignal"/>) carry no mood: their values are 0 and summaries, vectors and descriptions
/// leave them out.
/// </summary>
public sealed class EmotionTimeline
{
    private readonly MusicPresence[] _presence;
    private readonly int[] _musicSeconds;

    /// <summary>Creates a timeline from per-second values.</summary>
    /// <param name="arousal">Arousal per second.</param>
    /// <param name="valence">Valence per second.</param>
    /// <param name="durationSeconds">Length of the audio in seconds.</param>
    /// <param name="presence">What each second holds; null when every second is music.</param>
    /// <exception cref="ArgumentException">The lists differ in length or hold values outside [-1, 1].</exception>
    public EmotionTimeline(IReadOnlyList<float> arousal, IReadOnlyList<float> valence, double durationSeconds, IReadOnlyList<MusicPresence>? presence = null)
    {
        ArgumentNullException.ThrowIfNull(arousal);
        ArgumentNullException.ThrowIfNull(valence);
        if (arousal.Count != valence.Count)
        {
            throw new ArgumentException($"{arousal.Count} arousal values but {valence.Count} valence values.", nameof(valence));
        }

        if (presence is not null && presence.Count != arousal.Count)
        {
            throw new ArgumentException($"{arousal.Count} values but {presence.Count} presence flags.", nameof(presence));
        }

        if (presence is not null && presence.Any(p => !Enum.IsDefined(p)))
        {
            throw new ArgumentException("A presence flag is not a MusicPresence value.", nameof(presence));
        }

        if (arousal.Concat(valence).Any(v => !(v >= -1f && v <= 1f)))
        {
            throw new ArgumentException("Arousal and valence must lie on [-1, 1].", nameof(arousal));
        }

        Arousal = arousal.ToArray();
        Valence = valence.ToArray();
        DurationSeconds = durationSeconds;
        _presence = presence?.ToArray() ?? new MusicPresence[arousal.Count];
        _musicSeconds = Enumerable.Range(0, _presence.Length).Where(i => _presence[i] == MusicPresence.Music).ToArray();
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

    /// <summary>What each second holds (<see cref="MusicPresence.Music"/> for every second of a timeline made without flags).</summary>
    public IReadOnlyList<MusicPresence> Presence => _presence;

    /// <summary>The seconds that hold music, in order: the only ones with a mood.</summary>
    public IReadOnlyList<int> MusicSeconds => _musicSeconds;

    /// <summary>Whether any second holds music. A timeline without music has no mood at all ("no music detected").</summary>
    public bool HasMusic => _musicSeconds.Length > 0;

    /// <summary>Whether second <paramref name="second"/> holds music.</summary>
    public bool IsMusic(int second) => _presence[second] == MusicPresence.Music;

    /// <summary>
    /// The timeline as CSV, the one text form that <c>mer analyze --format csv</c> and the HTTP service's
    /// <c>timeline.csv</c> share: a header <c>second,arousal,valence,music</c>, then one row per second, values rounded
    /// to 4 decimals (half away from zero), <c>music</c> 1 or 0, invariant culture, <c>\n</c> line ends.
    /// </summary>
    public string ToCsv()
    {
        var text = new StringBuilder("second,arousal,valence,music\n", 30 + (Count * 22));
        for (int i = 0; i < Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{Round4(Arousal[i])},{Round4(Valence[i])},{(IsMusic(i) ? 1 : 0)}\n");
        }

        return text.ToString();
    }

    private static double Round4(float value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    /// <summary>Second <paramref name="second"/> as the frame a streaming analysis reports for it.</summary>
    internal EmotionFrame FrameAt(int second) => new(second, Arousal[second], Valence[second], _presence[second]);
}
