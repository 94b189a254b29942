namespace MusicEmotion.Recommend.Journeys;

/// <summary>How <see cref="JourneyPlanner"/> weighs what makes a journey good, and how hard it searches.</summary>
public sealed class JourneyPlannerOptions
{
    /// <summary>Seconds at each end of a song compared at a hand-over (at most a third of the song is used). Default 20.</summary>
    public double HandOverSeconds { get; set; } = JourneyMeasures.DefaultHandOverSeconds;

    /// <summary>Weight of the hand-over jump against the path error (both distances on the plane). Default 1.</summary>
    public double HandOverWeight { get; set; } = 1;

    /// <summary>Cost of a tempo change at a hand-over: this weight times the folded change (double and half tempo count as the same), relative to 16 %, at most 1. Default 0.05.</summary>
    public double TempoWeight { get; set; } = 0.05;

    /// <summary>Cost of a key change at a hand-over, for a distant key (a parallel key costs half, a fifth a third, the same or the relative key nothing). Default 0.05.</summary>
    public double KeyWeight { get; set; } = 0.05;

    /// <summary>How much a liked track's cost is lowered (in the units of the path error). Default 0.05.</summary>
    public double LikedBonus { get; set; } = 0.05;

    /// <summary>Partial journeys kept at each step of the search (beam width). Default 32.</summary>
    public int BeamWidth { get; set; } = 32;

    /// <summary>Candidate songs tried after each partial journey: those whose own curve fits the next stretch best (least path error). Default 48.</summary>
    public int CandidatesPerStep { get; set; } = 48;

    /// <summary>
    /// Most changes the local search makes after the beam search: while one lowers the journey's cost, the best swap of
    /// two of its songs or replacement of one by an unused candidate of its stretch is made. 0 turns it off. Default 1000.
    /// </summary>
    public int RefinementMoves { get; set; } = 1000;

    /// <summary>Most songs a journey may have. Default 200.</summary>
    public int MaxSongs { get; set; } = 200;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">One is out of range.</exception>
    public void Validate()
    {
        Check(HandOverSeconds, 1, 600, nameof(HandOverSeconds));
        Check(HandOverWeight, 0, 100, nameof(HandOverWeight));
        Check(TempoWeight, 0, 100, nameof(TempoWeight));
        Check(KeyWeight, 0, 100, nameof(KeyWeight));
        Check(LikedBonus, 0, 100, nameof(LikedBonus));
        Check(BeamWidth, 1, 4096, nameof(BeamWidth));
        Check(CandidatesPerStep, 1, 4096, nameof(CandidatesPerStep));
        Check(RefinementMoves, 0, 1_000_000, nameof(RefinementMoves));
        Check(MaxSongs, 1, 10_000, nameof(MaxSongs));
    }

    private static void Check(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in [{min}, {max}].");
        }
    }
}
