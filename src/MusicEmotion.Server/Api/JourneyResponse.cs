using MusicEmotion.Recommend.Journeys;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Server.Api;

/// <summary>A planned journey as the API answers it (<c>POST /api/journeys</c>).</summary>
/// <param name="Path">The path's points.</param>
/// <param name="DurationSeconds">Total length of the songs.</param>
/// <param name="PathError">Mean distance, per second, between the song playing and the path (null without a mood reading).</param>
/// <param name="MeanHandOverJump">Mean distance between the end of a song and the start of the next (null for one song).</param>
/// <param name="MaxHandOverJump">Largest such distance (null for one song).</param>
/// <param name="EligibleTracks">Tracks that could be planned.</param>
/// <param name="StaleTracks">Tracks left out because another model version analysed them.</param>
/// <param name="NoMusicTracks">Tracks left out because no music was detected in them (they have no mood to follow the path with).</param>
/// <param name="Shortened">Whether fewer songs than asked for could be planned.</param>
/// <param name="Steps">The songs, in playing order.</param>
internal sealed record JourneyResponse(
    IReadOnlyList<JourneyPoint> Path,
    double DurationSeconds,
    double? PathError,
    double? MeanHandOverJump,
    double? MaxHandOverJump,
    int EligibleTracks,
    int StaleTracks,
    int NoMusicTracks,
    bool Shortened,
    IReadOnlyList<JourneyStepResponse> Steps)
{
    public static JourneyResponse From(JourneyPlan plan, IReadOnlyDictionary<string, TrackRecord> tracks) => new(
        plan.Path.Points.Select(Point).ToArray(),
        Math.Round(plan.DurationSeconds, 3),
        Round(plan.PathError),
        Round(plan.MeanHandOverJump),
        Round(plan.MaxHandOverJump),
        plan.EligibleTracks,
        plan.StaleTracks,
        plan.NoMusicTracks,
        plan.Shortened,
        plan.Steps.Select(s => JourneyStepResponse.From(s, tracks[s.TrackId])).ToArray());

    internal static JourneyPoint Point(MoodPoint p) => new(Math.Round(p.Valence, 4), Math.Round(p.Arousal, 4));

    internal static double? Round(double value) => double.IsFinite(value) ? Math.Round(value, 4) : null;
}

/// <summary>One song of a journey, with its own per-second curves so that a client can draw it along the path.</summary>
/// <param name="Position">0 for the first song.</param>
/// <param name="Id">The track id.</param>
/// <param name="Name">The name it was uploaded under.</param>
/// <param name="DurationSeconds">Its length.</param>
/// <param name="StartSeconds">When it starts in the journey.</param>
/// <param name="PathFrom">Start of its stretch of the path (fraction 0–1).</param>
/// <param name="PathTo">End of its stretch.</param>
/// <param name="Head">Its mood over its first seconds.</param>
/// <param name="Tail">Its mood over its last seconds.</param>
/// <param name="PathError">Mean distance of its seconds from its stretch.</param>
/// <param name="HandOverJump">Distance from the previous song's end to its start (null for the first).</param>
/// <param name="TempoBpm">Tempo when known.</param>
/// <param name="Key">Key name when known, e.g. "A minor".</param>
/// <param name="KeyRelation">How its key relates to the previous song's (same, relative, fifth, parallel, distant), when both are known.</param>
/// <param name="Liked">Whether it is one of the liked tracks.</param>
/// <param name="Explanation">Why it is here, in words.</param>
/// <param name="Arousal">Its arousal per second (4 decimals).</param>
/// <param name="Valence">Its valence per second (4 decimals).</param>
/// <param name="Music">For every second, whether it holds music; seconds without music carry no mood (0) and neither the path error nor the hand-over counts them.</param>
/// <param name="Links">Its resources (audio for playing it).</param>
internal sealed record JourneyStepResponse(
    int Position,
    string Id,
    string Name,
    double DurationSeconds,
    double StartSeconds,
    double PathFrom,
    double PathTo,
    JourneyPoint Head,
    JourneyPoint Tail,
    double? PathError,
    double? HandOverJump,
    double? TempoBpm,
    string? Key,
    string? KeyRelation,
    bool Liked,
    string Explanation,
    IReadOnlyList<float> Arousal,
    IReadOnlyList<float> Valence,
    IReadOnlyList<bool> Music,
    TrackLinks Links)
{
    public static JourneyStepResponse From(JourneyStep step, TrackRecord track) => new(
        step.Position,
        step.TrackId,
        step.SourceName,
        Math.Round(step.DurationSeconds, 3),
        Math.Round(step.StartSeconds, 3),
        Math.Round(step.PathFrom, 6),
        Math.Round(step.PathTo, 6),
        JourneyResponse.Point(step.Head),
        JourneyResponse.Point(step.Tail),
        JourneyResponse.Round(step.PathError),
        step.HandOverJump is { } jump ? Math.Round(jump, 4) : null,
        step.TempoBpm is { } bpm ? Math.Round(bpm, 1) : null,
        step.Key?.Name,
        step.KeyRelation?.ToString().ToLowerInvariant(),
        step.Liked,
        step.Explanation,
        TimelineValues.Rounded(track.Timeline.Arousal),
        TimelineValues.Rounded(track.Timeline.Valence),
        TimelineValues.Music(track.Timeline),
        TrackLinks.For(step.TrackId));
}
