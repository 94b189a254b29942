namespace MusicEmotion.Recommend.Journeys;

/// <summary>
/// A path over the valence–arousal plane: a polyline through its points (a start mood, waypoints and an end mood, or the
/// points of a drawn curve), travelled at constant speed, so position <c>u</c> in [0, 1] is the fraction of its length.
/// A path of one point (or of equal points) stays there.
/// </summary>
public sealed class MoodPath
{
    /// <summary>Most points a path may have (a drawn curve is thinned by its sender).</summary>
    public const int MaxPoints = 1000;

    private readonly MoodPoint[] _points;
    private readonly double[] _cumulative;

    /// <summary>Creates a path through <paramref name="points"/>, in order.</summary>
    /// <exception cref="ArgumentException">There is no point, more than <see cref="MaxPoints"/>, or one lies off the plane.</exception>
    public MoodPath(IEnumerable<MoodPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        _points = points.ToArray();
        if (_points.Length == 0 || _points.Length > MaxPoints)
        {
            throw new ArgumentException($"A mood path has 1 to {MaxPoints} points (got {_points.Length}).", nameof(points));
        }

        if (_points.FirstOrDefault(p => !p.IsOnPlane) is var off && !off.IsOnPlane)
        {
            throw new ArgumentException($"Point {off} of the mood path lies off the plane: valence and arousal are on [-1, 1].", nameof(points));
        }

        _cumulative = new double[_points.Length];
        for (int i = 1; i < _points.Length; i++)
        {
            _cumulative[i] = _cumulative[i - 1] + _points[i - 1].DistanceTo(_points[i]);
        }
    }

    /// <summary>A path from <paramref name="from"/> through <paramref name="via"/> to <paramref name="to"/>.</summary>
    public static MoodPath Through(MoodPoint from, MoodPoint to, params IEnumerable<MoodPoint> via) => new([from, .. via, to]);

    /// <summary>The points, in order.</summary>
    public IReadOnlyList<MoodPoint> Points => _points;

    /// <summary>The length of the path on the plane.</summary>
    public double Length => _cumulative[^1];

    /// <summary>Where it starts.</summary>
    public MoodPoint Start => _points[0];

    /// <summary>Where it ends.</summary>
    public MoodPoint End => _points[^1];

    /// <summary>The point a fraction <paramref name="u"/> (clamped to [0, 1]) of the way along the path.</summary>
    public MoodPoint At(double u)
    {
        if (_points.Length == 1 || Length == 0)
        {
            return _points[0];
        }

        double distance = Math.Clamp(u, 0, 1) * Length;
        int segment = Array.BinarySearch(_cumulative, distance);
        if (segment >= 0)
        {
            return _points[segment];
        }

        int upper = ~segment; // first index beyond the distance
        int lower = upper - 1;
        double span = _cumulative[upper] - _cumulative[lower];
        return span <= 0 ? _points[lower] : _points[lower].Lerp(_points[upper], (distance - _cumulative[lower]) / span);
    }

    /// <summary>The mean position of the stretch from <paramref name="from"/> to <paramref name="to"/> (fractions of the path), sampled every 1 % of it.</summary>
    public MoodPoint MeanOf(double from, double to)
    {
        int samples = Math.Max(2, (int)Math.Ceiling(Math.Abs(to - from) * 100) + 1);
        double valence = 0, arousal = 0;
        for (int i = 0; i < samples; i++)
        {
            MoodPoint p = At(from + ((to - from) * i / (samples - 1)));
            valence += p.Valence;
            arousal += p.Arousal;
        }

        return new MoodPoint(valence / samples, arousal / samples);
    }
}
