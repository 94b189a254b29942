using System.Globalization;
using MusicEmotion.Inference.Cards;
using MusicEmotion.Inference.Prediction;

namespace MusicEmotion.Inference;

/// <summary>
/// How an analysis smooths the per-second values over time, the one smoothing concept of the library:
/// <see cref="None"/>, the model card's proposal (<see cref="Card"/>, the default everywhere; a card proposes one in
/// <see cref="ModelCard.Smoothing"/>) or a centred window of <c>2·h + 1</c> seconds (<see cref="HalfWindow(int)"/>).
/// Within the window, each second keeps a share of its deviation from the local mean:
/// <c>out[i] = m[i] + scale·(v[i] − m[i])</c>, where <c>m[i]</c> is the mean of the seconds <c>i − h … i + h</c> that
/// exist; a scale of 0 is a plain moving average, 1 leaves the values as they are. Smoothing steadies the curve at the
/// price of spreading sudden changes over the window, and a second is reported <c>h</c> seconds later while streaming.
/// Set it per analyser (<see cref="EmotionAnalyzerOptions.Smoothing"/>) or per call (<see cref="AnalysisCallOptions.Smoothing"/>).
/// </summary>
public sealed record EmotionSmoothing
{
    /// <summary>The largest half-window accepted, in seconds.</summary>
    public const int MaxHalfWindowSeconds = 600;

    private readonly Form _form;

    private EmotionSmoothing(Form form, int halfWindowSeconds, double arousalDeviationScale, double valenceDeviationScale) =>
        (_form, HalfWindowSeconds, ArousalDeviationScale, ValenceDeviationScale) = (form, halfWindowSeconds, arousalDeviationScale, valenceDeviationScale);

    private enum Form
    {
        None,
        Card,
        Window,
    }

    /// <summary>No smoothing: the model's values.</summary>
    public static EmotionSmoothing None { get; } = new(Form.None, 0, 1, 1);

    /// <summary>The model card's proposal (<see cref="ModelCard.Smoothing"/>; none when the card has none). The default.</summary>
    public static EmotionSmoothing Card { get; } = new(Form.Card, 0, 1, 1);

    /// <summary>Whether this is <see cref="Card"/>: the model card decides.</summary>
    public bool FollowsCard => _form == Form.Card;

    /// <summary>The seconds on each side of a second that its window covers; 0 for <see cref="None"/> and <see cref="Card"/>.</summary>
    public int HalfWindowSeconds { get; }

    /// <summary>The share of its deviation from the local mean that each second's arousal keeps, on [0, 1] (1 for <see cref="None"/> and <see cref="Card"/>).</summary>
    public double ArousalDeviationScale { get; }

    /// <summary>The share of its deviation from the local mean that each second's valence keeps, on [0, 1].</summary>
    public double ValenceDeviationScale { get; }

    /// <summary>A centred moving average of the seconds <c>i − seconds … i + seconds</c> that exist (0 = no smoothing).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is outside 0..600.</exception>
    public static EmotionSmoothing HalfWindow(int seconds) => HalfWindow(seconds, 0, 0);

    /// <summary>
    /// A centred window of the seconds <c>i − seconds … i + seconds</c> that exist, in which each second keeps the given
    /// share of its deviation from the window's mean (0 = moving average, 1 = unchanged).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is outside 0..600, or a scale outside [0, 1].</exception>
    public static EmotionSmoothing HalfWindow(int seconds, double arousalDeviationScale, double valenceDeviationScale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, MaxHalfWindowSeconds);
        CheckScale(arousalDeviationScale, nameof(arousalDeviationScale));
        CheckScale(valenceDeviationScale, nameof(valenceDeviationScale));
        return new EmotionSmoothing(Form.Window, seconds, arousalDeviationScale, valenceDeviationScale);
    }

    /// <summary>
    /// Parses <c>none</c>, <c>card</c>, a half-window in whole seconds (e.g. <c>3</c>, a moving average) or a half-window
    /// with the two deviation scales (e.g. <c>15:0.25,0.5</c>): the forms <c>mer analyze --smoothing</c> takes and
    /// <see cref="ToString"/> writes.
    /// </summary>
    /// <exception cref="FormatException">The text is none of those.</exception>
    public static EmotionSmoothing Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        if (t.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return None;
        }

        if (t.Equals("card", StringComparison.OrdinalIgnoreCase))
        {
            return Card;
        }

        string[] parts = t.Split(':');
        string[] scales = parts.Length == 2 ? parts[1].Split(',') : [];
        if (parts.Length <= 2 && (parts.Length == 1 || scales.Length == 2)
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) && seconds <= MaxHalfWindowSeconds)
        {
            if (parts.Length == 1)
            {
                return HalfWindow(seconds);
            }

            if (TryScale(scales[0], out double arousal) && TryScale(scales[1], out double valence))
            {
                return HalfWindow(seconds, arousal, valence);
            }
        }

        throw new FormatException($"Smoothing '{text}' must be none, card, a half-window of 0-{MaxHalfWindowSeconds} whole seconds, or a half-window with two deviation scales in [0, 1] (e.g. 15:0.25,0.5).");
    }

    /// <summary>
    /// Smooths a whole timeline as an analysis with this choice would have (the same values as smoothing while
    /// streaming): e.g. to smooth a stored unsmoothed timeline without running the model again.
    /// </summary>
    /// <param name="timeline">The timeline, as the model gave it.</param>
    /// <param name="card">The card of the model that produced it (what <see cref="Card"/> follows).</param>
    public EmotionTimeline Apply(EmotionTimeline timeline, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(card);
        if (CreateSmoother(card) is not { } smoother)
        {
            return timeline;
        }

        var collector = new TimelineCollector();
        for (int s = 0; s < timeline.Count; s++)
        {
            smoother.Add(timeline.FrameAt(s), collector);
        }

        smoother.Complete(collector);
        return collector.ToTimeline(timeline.DurationSeconds);
    }

    /// <summary>The smoother this choice gives for <paramref name="card"/>, or null when the values stay as they are.</summary>
    internal TemporalSmoother? CreateSmoother(ModelCard card)
    {
        EmotionSmoothing resolved = _form == Form.Card ? card.Smoothing ?? None : this;
        return resolved._form == Form.Window && resolved.HalfWindowSeconds > 0
            ? new TemporalSmoother(resolved.HalfWindowSeconds, resolved.ArousalDeviationScale, resolved.ValenceDeviationScale)
            : null;
    }

    /// <summary>"none", "card", the half-window in seconds (a moving average), or the half-window and the two scales ("15:0.25,0.5"): the forms <see cref="Parse"/> reads.</summary>
    public override string ToString() => _form switch
    {
        Form.None => "none",
        Form.Card => "card",
        _ when ArousalDeviationScale == 0 && ValenceDeviationScale == 0 => HalfWindowSeconds.ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{HalfWindowSeconds}:{ArousalDeviationScale:R},{ValenceDeviationScale:R}"),
    };

    private static void CheckScale(double scale, string name)
    {
        if (!(scale >= 0 && scale <= 1))
        {
            throw new ArgumentOutOfRangeException(name, scale, "A deviation scale lies on [0, 1].");
        }
    }

    private static bool TryScale(string text, out double scale) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out scale) && scale is >= 0 and <= 1;
}
