using MusicEmotion.Features.Descriptors;

namespace MusicEmotion.Recommend.Journeys;

/// <summary>One song of a journey, where it sits on the path and why it was chosen.</summary>
/// <param name="Position">0 for the first song.</param>
/// <param name="TrackId">Its id.</param>
/// <param name="SourceName">The name it was added under.</param>
/// <param name="DurationSeconds">Its length.</param>
/// <param name="StartSeconds">When it starts, from the start of the journey.</param>
/// <param name="PathFrom">Where its stretch of the path starts (fraction of the path, 0–1).</param>
/// <param name="PathTo">Where its stretch ends.</param>
/// <param name="Head">Its mood over the first seconds (the hand-over window).</param>
/// <param name="Tail">Its mood over the last seconds.</param>
/// <param name="PathError">Mean distance of its per-second mood from its stretch of the path.</param>
/// <param name="HandOverJump">Distance from the previous song's <see cref="Tail"/> to this song's <see cref="Head"/>; null for the first song.</param>
/// <param name="Explanation">Why it is here, in words.</param>
public sealed record JourneyStep(
    int Position,
    string TrackId,
    string SourceName,
    double DurationSeconds,
    double StartSeconds,
    double PathFrom,
    double PathTo,
    MoodPoint Head,
    MoodPoint Tail,
    double PathError,
    double? HandOverJump,
    string Explanation)
{
    /// <summary>Its tempo, when known.</summary>
    public double? TempoBpm { get; init; }

    /// <summary>Its key, when known.</summary>
    public MusicalKey? Key { get; init; }

    /// <summary>How its key relates to the previous song's, when both are known.</summary>
    public KeyRelation? KeyRelation { get; init; }

    /// <summary>Whether it is one of the liked tracks.</summary>
    public bool Liked { get; init; }
}
