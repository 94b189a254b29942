using System.Diagnostics;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Server.Logging;

namespace MusicEmotion.Server.Api;

/// <summary><c>POST /api/recommendations</c>: tracks like the liked ones and unlike the disliked ones, with explanations.</summary>
internal static class RecommendationEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapRecommendationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/recommendations", RecommendAsync)
            .WithTags("Recommendations")
            .WithName("Recommend")
            .WithSummary("Recommend tracks like the liked ones (and unlike the disliked ones), each with an explanation")
            .ReadsTrackRequest<RecommendationBody>();
        return app;
    }

    private static async Task<Ok<RecommendationResponse>> RecommendAsync(HttpRequest http, Recommender recommender, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        RecommendationRequest request = await RecommendationBodyReader.ReadAsync(http, recommender.Options.MaxResults, cancellationToken);
        long started = Stopwatch.GetTimestamp();
        RecommendationResult result = await recommender.RecommendAsync(request, cancellationToken);
        ServerLog.Recommended(loggers.CreateLogger(typeof(RecommendationEndpoints).FullName!), request.Liked.Count, request.Disliked.Count, result.Items.Count, result.SearchedTracks,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return TypedResults.Ok(RecommendationResponse.From(result));
    }
}
