namespace MusicEmotion.Evaluation.Dynamics;

/// <summary>
/// How a per-second curve answers a step at a known time: the levels well before and well after it, whether it
/// moved the right way, by how much, and how fast. Value <c>i</c> of the curve covers second <c>[i, i + 1)</c> and is
/// placed at <c>i + 0.5</c> s.
/// </summary>
/// <param name="PlateauBefore">Mean of the values of the seconds that end at least the margin before the join.</param>
/// <param name="PlateauAfter">Mean of the values of the seconds that start at least the margin after the join.</param>
/// <param name="DirectionRight">Whether the plateaus differ in the expected direction.</param>
/// <param name="Contrast">The plateau difference in the expected direction (negative when the curve moved the wrong way).</param>
/// <param name="RiseTimeSeconds">
/// Seconds between the curve's last upward crossing of 20 % of the step before it first reaches 80 % (linear
/// interpolation between seconds; both within the margin of the join); null when the direction is wrong or the curve
/// does not reach 80 % there.
/// </param>
public sealed record StepResponse(double PlateauBefore, double PlateauAfter, bool DirectionRight, double Contrast, double? RiseTimeSeconds)
{
    /// <summary>The default margin: seconds on each side of the join left out of the plateaus, and searched for the rise.</summary>
    public const double DefaultMarginSeconds = 10.0;

    /// <summary>Measures the step response of <paramref name="curve"/> at <paramref name="joinSeconds"/>.</summary>
    /// <returns>Null when a side has no second outside the margin (a clip shorter than the margin).</returns>
    public static StepResponse? Measure(IReadOnlyList<float> curve, double joinSeconds, JoinDirection direction, double marginSeconds = DefaultMarginSeconds)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentOutOfRangeException.ThrowIfNegative(marginSeconds);
        double sumBefore = 0, sumAfter = 0;
        int before = 0, after = 0;
        for (int i = 0; i < curve.Count; i++)
        {
            if (i + 1 <= joinSeconds - marginSeconds)
            {
                sumBefore += curve[i];
                before++;
            }
            else if (i >= joinSeconds + marginSeconds)
            {
                sumAfter += curve[i];
                after++;
            }
        }

        if (before == 0 || after == 0)
        {
            return null;
        }

        double a = sumBefore / before, b = sumAfter / after;
        double sign = direction == JoinDirection.Rising ? 1.0 : -1.0;
        double contrast = sign * (b - a);
        bool right = contrast > 0;
        return new StepResponse(a, b, right, contrast, right ? RiseTime(curve, joinSeconds, marginSeconds, a, b) : null);
    }

    private static double? RiseTime(IReadOnlyList<float> curve, double joinSeconds, double marginSeconds, double from, double to)
    {
        int first = Math.Max(0, (int)Math.Ceiling(joinSeconds - marginSeconds - 0.5));
        int last = Math.Min(curve.Count - 1, (int)Math.Floor(joinSeconds + marginSeconds - 0.5));
        double Progress(int i) => (curve[i] - from) / (to - from);
        int reach = -1;
        for (int i = first; i <= last; i++)
        {
            if (Progress(i) >= 0.8)
            {
                reach = i;
                break;
            }
        }

        if (reach < 0)
        {
            return null;
        }

        double t80 = Crossing(reach, 0.8);
        double t20 = first + 0.5;
        for (int i = reach; i > first; i--)
        {
            if (Progress(i - 1) < 0.2 && Progress(i) >= 0.2)
            {
                t20 = Crossing(i, 0.2);
                break;
            }
        }

        return Math.Max(0.0, t80 - t20);

        // Time at which the curve crosses `level` between second i - 1 and second i (or i itself when it starts there).
        double Crossing(int i, double level)
        {
            if (i == first)
            {
                return i + 0.5;
            }

            double p0 = Progress(i - 1), p1 = Progress(i);
            double f = p1 == p0 ? 1.0 : Math.Clamp((level - p0) / (p1 - p0), 0.0, 1.0);
            return i - 0.5 + f;
        }
    }
}
