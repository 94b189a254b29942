using System.Globalization;
using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Inference.Windowing;

/// <summary>
/// How an analysis smooths the per-second values over time: <see cref="None"/>, the model card's default
/// (<see cref="Card"/>, the default everywhere) or a centred moving average of <c>2·h + 1</c> seconds
/// (<see cref="HalfWindow"/>). Smoothing steadies the curve at the price of spreading sudden changes over the window,
/// and a second is reported <c>h</c> seconds later while streaming. Set it per analyser
/// (<see cref="EmotionAnalyzerOptions.Smoothing"/>) or per call (<see cref="EmotionAnalysisOptions.Smoothing"/>).
/// </summary>
public sealed record EmotionSmoothing
{
    /// <summary>The largest half-window accepted, in seconds.</summary>
    public const int MaxHalfWindowSeconds = 600;

    private EmotionSmoothing(SmoothingKind kind, int halfWindowSeconds)
    {
        Kind = kind;
        HalfWindowSeconds = halfWindowSeconds;
    }

    /// <summary>No smoothing: the model's values.</summary>
    public static EmotionSmoothing None { get; } = new(SmoothingKind.None, 0);

    /// <summary>The model card's <c>output.smoothing</c> (none when the card has none). The default.</summary>
    public static EmotionSmoothing Card { get; } = new(SmoothingKind.Card, 0);

    /// <summary>Which smoothing.</summary>
    public SmoothingKind Kind { get; }

    /// <summary>For <see cref="SmoothingKind.Window"/>, the seconds averaged on each side of a second; 0 otherwise.</summary>
    public int HalfWindowSeconds { get; }

    /// <summary>A centred moving average of the seconds <c>i − seconds … i + seconds</c> that exist (0 = no smoothing).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is outside 0..600.</exception>
    public static EmotionSmoothing HalfWindow(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, MaxHalfWindowSeconds);
        return new EmotionSmoothing(SmoothingKind.Window, seconds);
    }

    /// <summary>Parses <c>none</c>, <c>card</c> or a half-window in whole seconds (e.g. <c>3</c>), as <c>mer analyze --smoothing</c> takes it.</summary>
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

        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) && seconds <= MaxHalfWindowSeconds)
        {
            return HalfWindow(seconds);
        }

        throw new FormatException($"Smoothing '{text}' must be none, card or a half-window of 0-{MaxHalfWindowSeconds} whole seconds.");
    }

    /// <summary>The smoother this choice gives for <paramref name="card"/>, or null when the values stay as they are.</summary>
    public TemporalSmoother? CreateSmoother(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        switch (Kind)
        {
            case SmoothingKind.Card when card.Output.Smoothing is { } s:
                return new TemporalSmoother(s.HalfWindowSeconds,
                    s.DeviationScale[card.Output.IndexOf(EmotionDimension.Arousal)], s.DeviationScale[card.Output.IndexOf(EmotionDimension.Valence)]);
            case SmoothingKind.Window when HalfWindowSeconds > 0:
                return new TemporalSmoother(HalfWindowSeconds, 0.0, 0.0);
            default:
                return null;
        }
    }

    /// <summary>"none", "card" or the half-window in seconds: the form <see cref="Parse"/> reads.</summary>
    public override string ToString() => Kind switch
    {
        SmoothingKind.None => "none",
        SmoothingKind.Card => "card",
        _ => HalfWindowSeconds.ToString(CultureInfo.InvariantCulture),
    };
}
