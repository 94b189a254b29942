namespace MusicEmotion.Recommend.Journeys;

/// <summary>A planned journey: the songs in order, each on its stretch of the path, and how well they follow it.</summary>
/// <param name="Path">The path that was asked for.</param>
/// <param name="Steps">The songs, in playing order.</param>
public sealed record JourneyPlan(MoodPath Path, IReadOnlyList<JourneyStep> Steps)
{
    /// <summary>Total length of the songs, in seconds.</summary>
    public double DurationSeconds => Steps.Sum(s => s.DurationSeconds);

    /// <summary>Mean distance, over every second of the journey, between the song playing and the path at that point.</summary>
    public double PathError { get; init; }

    /// <summary>Mean hand-over jump between consecutive songs (NaN for fewer than two songs).</summary>
    public double MeanHandOverJump { get; init; }

    /// <summary>Largest hand-over jump (NaN for fewer than two songs).</summary>
    public double MaxHandOverJump { get; init; }

    /// <summary>Tracks that could be planned (current model, a mood reading, not excluded, within the duration filters).</summary>
    public int EligibleTracks { get; init; }

    /// <summary>Tracks left out because another model version analysed them.</summary>
    public int StaleTracks { get; init; }

    /// <summary>Tracks left out because no music was detected in them (silence, a steady tone or noise): they have no mood to follow a path with.</summary>
    public int NoMusicTracks { get; init; }

    /// <summary>Fewer songs than asked for could be planned (the catalog ran out of eligible songs).</summary>
    public bool Shortened { get; init; }
}
