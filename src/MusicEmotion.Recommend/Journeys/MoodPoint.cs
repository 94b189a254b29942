using System.Globalization;

namespace MusicEmotion.Recommend.Journeys;

/// <summary>A position on the valence–arousal plane, both on [-1, 1] (valence across, arousal up).</summary>
/// <param name="Valence">Unpleasant −1 … pleasant +1.</param>
/// <param name="Arousal">Calm −1 … excited +1.</param>
public readonly record struct MoodPoint(double Valence, double Arousal)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The Euclidean distance to <paramref name="other"/> on the plane.</summary>
    public double DistanceTo(MoodPoint other)
    {
        double dv = Valence - other.Valence, da = Arousal - other.Arousal;
        return Math.Sqrt((dv * dv) + (da * da));
    }

    /// <summary>The point a fraction <paramref name="t"/> of the way to <paramref name="other"/>.</summary>
    public MoodPoint Lerp(MoodPoint other, double t) => new(Valence + ((other.Valence - Valence) * t), Arousal + ((other.Arousal - Arousal) * t));

    /// <summary>Whether both coordinates are finite and on [-1, 1].</summary>
    public bool IsOnPlane => Valence is >= -1 and <= 1 && Arousal is >= -1 and <= 1;

    /// <summary>
    /// Reads a mood: a name of <see cref="MoodNames.All"/> (<c>calm</c>, <c>energetic</c>, ...), a quadrant (<c>Q1</c>…<c>Q4</c>)
    /// or coordinates <c>valence,arousal</c> (e.g. <c>0.4,-0.5</c>).
    /// </summary>
    /// <returns>False when <paramref name="text"/> is none of these or lies off the plane.</returns>
    public static bool TryParse(string? text, out MoodPoint point)
    {
        point = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string trimmed = text.Trim();
        if (MoodNames.TryGet(trimmed, out point))
        {
            return true;
        }

        string[] parts = trimmed.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, C, out double valence)
            && double.TryParse(parts[1], NumberStyles.Float, C, out double arousal))
        {
            point = new MoodPoint(valence, arousal);
            return point.IsOnPlane;
        }

        return false;
    }

    /// <summary>Reads a mood as <see cref="TryParse"/> does.</summary>
    /// <exception cref="FormatException">It is not one.</exception>
    public static MoodPoint Parse(string text) => TryParse(text, out MoodPoint point)
        ? point
        : throw new FormatException($"'{text}' is not a mood: use a name ({string.Join(", ", MoodNames.All.Keys)}), a quadrant (Q1-Q4) or valence,arousal on [-1, 1] such as 0.4,-0.5");

    /// <inheritdoc />
    public override string ToString() => string.Create(C, $"{Valence:0.##},{Arousal:0.##}");
}
