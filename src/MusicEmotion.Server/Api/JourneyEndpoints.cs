using System.Diagnostics;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Journeys;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Server.Logging;

namespace MusicEmotion.Server.Api;

/// <summary><c>POST /api/journeys</c>: a playlist from the library that follows a path over the valence–arousal plane.</summary>
internal static class JourneyEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapJourneyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/journeys", PlanAsync)
            .WithTags("Journeys")
            .WithName("PlanJourney")
            .WithSummary("Plan a mood journey: songs that move along a path over the valence–arousal plane, with smooth hand-overs and an explanation per song")
            .ReadsTrackRequest<JourneyBody>();
        return app;
    }

    private static async Task<Ok<JourneyResponse>> PlanAsync(HttpRequest http, JourneyPlanner planner, ITrackCatalog catalog, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        JourneyRequest request = await JourneyBodyReader.ReadAsync(http, planner.Options.MaxSongs, cancellationToken);
        long started = Stopwatch.GetTimestamp();
        JourneyPlan plan = await planner.PlanAsync(request, cancellationToken);
        var tracks = new Dictionary<string, TrackRecord>(StringComparer.Ordinal);
        foreach (JourneyStep step in plan.Steps)
        {
            tracks[step.TrackId] = await catalog.GetAsync(step.TrackId, cancellationToken)
                ?? throw new RecommendationException(RecommendationFailure.UnknownTrack, $"track {step.TrackId} left the catalog while the journey was planned; ask again", step.TrackId);
        }

        ServerLog.JourneyPlanned(loggers.CreateLogger(typeof(JourneyEndpoints).FullName!), plan.Steps.Count, plan.EligibleTracks, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return TypedResults.Ok(JourneyResponse.From(plan, tracks));
    }
}
