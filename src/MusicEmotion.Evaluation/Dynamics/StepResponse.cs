namespace MusicEmotion.Evaluation.Dynamics;

/// <summary>
/// How a per-second curve answers a step at a known time: its levels shortly before and shortly after the step
/// (the plateaus: the values placed between the inner and the outer margin on each side), whether it moved the right
/// way, by how much, and how fast. Value <c>i</c> of the curve covers second <c>[i, i + 1)</c> and is placed at
/// <c>i + 0.5</c> s. With the default margins (5 and 10 s) the plateaus are the 5 seconds that start 5 s away from the
/// join: out of reach of a 10-second model window centred on the other side, but close enough that smoothing over
/// many seconds blurs them.
/// </summary>
/// <param name="PlateauBefore">Mean of the values placed from the outer to the inner margin before the join.</param>
/// <param name="PlateauAfter">Mean of the values placed from the inner to the outer margin after the join.</param>
/// <param name="DirectionRight">Whether the plateaus differ in the expected direction.</param>
/// <param name="Contrast">The plateau difference in the expected direction (negative when the curve moved the wrong way).</param>
/// <param name="RiseTimeSeconds">
/// Seconds between the curve's last upward crossing of 20 % of the step (from the plateau before to the plateau
/// after) and its first crossing of 80 % (linear interpolation between seconds; searched within the outer margin of the
/// join); null when the direction is wrong or the curve does not reach 80 % there.
/// </param>
internal sealed record StepResponse(double PlateauBefore, double PlateauAfter, bool DirectionRight, double Contrast, double? RiseTimeSeconds)
{
    /// <summary>The default inner margin: the plateaus start this many seconds away from the join.</summary>
    public const double DefaultInnerMarginSeconds = 5.0;

    /// <summary>The default outer margin: the plateaus end this many seconds away from the join, and the rise is searched within it.</summary>
    public const double DefaultOuterMarginSeconds = 10.0;

    /// <summary>Measures the step response of <paramref name="curve"/> at <paramref name="joinSeconds"/>.</summary>
    /// <returns>Null when a side has no value between the margins (a clip shorter than the inner margin).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The margins are negative or the inner one exceeds the outer one.</exception>
    public static StepResponse? Measure(IReadOnlyList<float> curve, double joinSeconds, JoinDirection direction,
        double innerMarginSeconds = DefaultInnerMarginSeconds, double outerMarginSeconds = DefaultOuterMarginSeconds)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentOutOfRangeException.ThrowIfNegative(innerMarginSeconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(outerMarginSeconds, innerMarginSeconds);
        double sumBefore = 0, sumAfter = 0;
        int before = 0, after = 0;
        for (int i = 0; i < curve.Count; i++)
        {
            double t = i + 0.5;
            if (t >= joinSeconds - outerMarginSeconds && t <= joinSeconds - innerMarginSeconds)
            {
                sumBefore += curve[i];
                before++;
            }
            else if (t >= joinSeconds + innerMarginSeconds && t <= joinSeconds + outerMarginSeconds)
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
        return new StepResponse(a, b, right, contrast, right ? RiseTime(curve, joinSeconds, outerMarginSeconds, a, b) : null);
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
