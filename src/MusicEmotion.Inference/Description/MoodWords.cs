namespace MusicEmotion.Inference.Description;

/// <summary>The words <see cref="RuleBasedEmotionDescriber"/> uses for positions of the valence–arousal plane.</summary>
internal static class MoodWords
{
    /// <summary>|value| below this counts as neutral on that dimension.</summary>
    public const double NeutralBand = 0.15;

    /// <summary>A mean position at least this far from the origin gets the stronger words.</summary>
    public const double StrongIntensity = 0.6;

    /// <summary>Where a value lies on one dimension.</summary>
    public enum Level
    {
        Low,
        Neutral,
        High,
    }

    public static Level LevelOf(double value) => value >= NeutralBand ? Level.High : value <= -NeutralBand ? Level.Low : Level.Neutral;

    /// <summary>Words for the overall character of a mean position.</summary>
    public static string Character(double arousal, double valence)
    {
        bool strong = Math.Sqrt((arousal * arousal) + (valence * valence)) >= StrongIntensity;
        return (LevelOf(arousal), LevelOf(valence)) switch
        {
            (Level.High, Level.High) => strong ? "joyful and energetic" : "upbeat and cheerful",
            (Level.High, Level.Low) => strong ? "aggressive and angry" : "tense and restless",
            (Level.Low, Level.Low) => strong ? "sad and sombre" : "wistful and melancholic",
            (Level.Low, Level.High) => strong ? "calm, serene and tender" : "relaxed and gentle",
            (Level.High, Level.Neutral) => strong ? "intense and driving" : "brisk and driving",
            (Level.Neutral, Level.High) => strong ? "bright and warm" : "warm and pleasant",
            (Level.Neutral, Level.Low) => strong ? "dark and brooding" : "dark and uneasy",
            (Level.Low, Level.Neutral) => strong ? "hushed and still" : "quiet and subdued",
            _ => "neutral and understated",
        };
    }

    /// <summary>How a single moment sounds, e.g. "high in energy and dark"; empty when both dimensions are neutral.</summary>
    public static string Moment(double arousal, double valence)
    {
        string? energy = LevelOf(arousal) switch
        {
            Level.High => "high in energy",
            Level.Low => "low in energy",
            _ => null,
        };
        string? tone = LevelOf(valence) switch
        {
            Level.High => "bright",
            Level.Low => "dark",
            _ => null,
        };
        return string.Join(" and ", new[] { energy, tone }.OfType<string>());
    }
}
