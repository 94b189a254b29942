using MusicEmotion.Recommend.Recommending;

namespace MusicEmotion.Server.Api;

/// <summary>Maps a <see cref="RecommendationException"/> to its answer.</summary>
internal static class RecommendationProblems
{
    /// <summary>The problem for <paramref name="ex"/>; an unknown track is 404 when it was named in the path, 422 when in the body.</summary>
    public static ApiProblem From(RecommendationException ex, bool trackInPath) => ex.Reason switch
    {
        RecommendationFailure.UnknownTrack when trackInPath => new ApiProblem(StatusCodes.Status404NotFound, ProblemCode.TrackNotFound, "Track not found", Sentence(ex.Message))
        {
            TrackId = ex.TrackId,
        },
        RecommendationFailure.UnknownTrack => new ApiProblem(StatusCodes.Status422UnprocessableEntity, ProblemCode.UnknownTrack, "Unknown track", Sentence(ex.Message))
        {
            TrackId = ex.TrackId,
        },
        RecommendationFailure.StaleTrack => new ApiProblem(StatusCodes.Status409Conflict, ProblemCode.StaleTrack, "Track analysed by another model", Sentence(ex.Message))
        {
            TrackId = ex.TrackId,
        },
        RecommendationFailure.NoEligibleTracks => new ApiProblem(StatusCodes.Status422UnprocessableEntity, ProblemCode.NoEligibleTracks, "No song can be planned", Sentence(ex.Message)),
        RecommendationFailure.NoMusicTrack => new ApiProblem(StatusCodes.Status422UnprocessableEntity, ProblemCode.NoMusic, "Track holds no music", Sentence(ex.Message))
        {
            TrackId = ex.TrackId,
        },
        _ => ApiProblem.InvalidRequest(Sentence(ex.Message)),
    };

    private static string Sentence(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");
}
