namespace MusicEmotion.Recommend.Journeys;

/// <summary>
/// Named moods a journey can start, pass or end at, as positions on the valence–arousal plane, and the word for any
/// position. The positions follow Russell's circumplex: pleasant and calm at the lower right, tense and angry at the
/// upper left. Quadrants <c>Q1</c>–<c>Q4</c> stand at their centres (±0.5, ±0.5).
/// </summary>
public static class MoodNames
{
    private static readonly Dictionary<string, MoodPoint> Points = new(StringComparer.OrdinalIgnoreCase)
    {
        ["calm"] = new(0.35, -0.55),
        ["relaxed"] = new(0.5, -0.35),
        ["peaceful"] = new(0.3, -0.7),
        ["happy"] = new(0.6, 0.35),
        ["joyful"] = new(0.55, 0.55),
        ["lively"] = new(0.4, 0.45),
        ["energetic"] = new(0.25, 0.7),
        ["excited"] = new(0.4, 0.65),
        ["tense"] = new(-0.35, 0.55),
        ["angry"] = new(-0.6, 0.6),
        ["aggressive"] = new(-0.5, 0.75),
        ["dark"] = new(-0.55, -0.1),
        ["melancholic"] = new(-0.35, -0.35),
        ["sad"] = new(-0.55, -0.45),
        ["neutral"] = new(0, 0),
        ["Q1"] = new(0.5, 0.5),
        ["Q2"] = new(-0.5, 0.5),
        ["Q3"] = new(-0.5, -0.5),
        ["Q4"] = new(0.5, -0.5),
    };

    /// <summary>Every named mood and its position.</summary>
    public static IReadOnlyDictionary<string, MoodPoint> All => Points;

    /// <summary>The position of the mood named <paramref name="name"/> (case-insensitive).</summary>
    public static bool TryGet(string name, out MoodPoint point) => Points.TryGetValue(name.Trim(), out point);

    /// <summary>
    /// A word for <paramref name="point"/>: <c>neutral</c> near the centre, otherwise the nearest of calm, relaxed, happy,
    /// lively, energetic, tense, angry, dark, melancholic and sad.
    /// </summary>
    public static string WordFor(MoodPoint point)
    {
        if (point.DistanceTo(new MoodPoint(0, 0)) < 0.12)
        {
            return "neutral";
        }

        string[] words = ["calm", "relaxed", "happy", "lively", "energetic", "tense", "angry", "dark", "melancholic", "sad"];
        return words.MinBy(w => Direction(Points[w]).DistanceTo(Direction(point)))!;
    }

    private static MoodPoint Direction(MoodPoint p)
    {
        double length = Math.Sqrt((p.Valence * p.Valence) + (p.Arousal * p.Arousal));
        return length == 0 ? p : new MoodPoint(p.Valence / length, p.Arousal / length);
    }
}
