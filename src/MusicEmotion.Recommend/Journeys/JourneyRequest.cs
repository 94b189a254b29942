namespace MusicEmotion.Recommend.Journeys;

/// <summary>What journey to plan: the path, its length (a number of songs or a target duration), and whose songs.</summary>
public sealed record JourneyRequest
{
    /// <summary>The path over the valence–arousal plane (from a start mood through waypoints to an end mood, or a drawn curve).</summary>
    public required MoodPath Path { get; init; }

    /// <summary>How many songs; give this or <see cref="TargetDurationSeconds"/>, not both.</summary>
    public int? Songs { get; init; }

    /// <summary>How long the journey should last, in seconds; give this or <see cref="Songs"/>, not both. The plan ends within about half a song of it.</summary>
    public double? TargetDurationSeconds { get; init; }

    /// <summary>Ids of liked tracks: preferred where they fit (<see cref="JourneyPlannerOptions.LikedBonus"/>).</summary>
    public IReadOnlyList<string> Liked { get; init; } = [];

    /// <summary>Ids of disliked tracks: never planned.</summary>
    public IReadOnlyList<string> Disliked { get; init; } = [];

    /// <summary>Further ids never to plan.</summary>
    public IReadOnlyCollection<string> ExcludeIds { get; init; } = [];

    /// <summary>Only tracks at least this long (seconds).</summary>
    public double? MinDurationSeconds { get; init; }

    /// <summary>Only tracks at most this long (seconds).</summary>
    public double? MaxDurationSeconds { get; init; }
}
