using System.Text.Json;
using System.Text.Json.Serialization;

namespace MusicEmotion.Evaluation.Journeys;

/// <summary>The journey benchmark on one catalog: every path between two quadrants, and the means over them.</summary>
/// <param name="Catalog">The catalog's name (e.g. "emotify").</param>
/// <param name="Tracks">Tracks in the catalog.</param>
/// <param name="Songs">Songs per journey.</param>
/// <param name="RandomOrders">Random orders averaged for the random baseline.</param>
/// <param name="Quadrants">Where each quadrant's mood was placed: the corner of the catalog's range of song moods.</param>
/// <param name="Paths">One row per ordered pair of different quadrants.</param>
internal sealed record JourneyReport(string Catalog, int Tracks, int Songs, int RandomOrders, IReadOnlyDictionary<string, double[]> Quadrants, IReadOnlyList<JourneyPathResult> Paths)
{
    /// <summary>The bar: planned path error at most this share of the random order's.</summary>
    public const double PathErrorBar = 0.5;

    /// <summary>The bar: planned hand-over jump at most this share of the song-means order's.</summary>
    public const double HandOverBar = 0.7;

    /// <summary>The median time the planner took to plan one journey, in milliseconds (machine-dependent).</summary>
    public double MedianPlanMilliseconds { get; init; }

    public JourneyScores Planned => Mean(p => p.Planned);

    public JourneyScores RandomOrder => Mean(p => p.RandomOrder);

    public JourneyScores MeansOrder => Mean(p => p.MeansOrder);

    /// <summary>Planned path error over the random order's (means over the paths).</summary>
    public double PathErrorRatio => Planned.PathError / RandomOrder.PathError;

    /// <summary>Planned hand-over jump over the song-means order's.</summary>
    public double HandOverRatio => Planned.HandOverJump / MeansOrder.HandOverJump;

    public bool MeetsBars => PathErrorRatio <= PathErrorBar && HandOverRatio <= HandOverBar;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private JourneyScores Mean(Func<JourneyPathResult, JourneyScores> pick) =>
        new(Paths.Average(p => pick(p).PathError), Paths.Average(p => pick(p).HandOverJump));
}
