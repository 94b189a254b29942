namespace MusicEmotion.Recommend.Recommending;

/// <summary>
/// The bounds a request puts on the durations of the tracks it may get (<see cref="RecommendationRequest"/> and
/// <see cref="Journeys.JourneyRequest"/> alike): either end may be left open.
/// </summary>
internal static class DurationBounds
{
    /// <summary>Refuses bounds that are out of range or in the wrong order.</summary>
    /// <param name="minSeconds">The shortest duration allowed, or null for no lower bound.</param>
    /// <param name="maxSeconds">The longest duration allowed, or null for no upper bound.</param>
    /// <exception cref="RecommendationException">
    /// <see cref="RecommendationFailure.InvalidRequest"/>: the minimum is negative or not finite, the maximum is not
    /// positive, or the minimum exceeds the maximum.
    /// </exception>
    public static void Validate(double? minSeconds, double? maxSeconds)
    {
        if (minSeconds is { } least && !(least >= 0 && double.IsFinite(least)))
        {
            throw new RecommendationException(RecommendationFailure.InvalidRequest, $"the minimum duration must be 0 s or more (got {least} s)");
        }

        if (maxSeconds is { } most && !(most > 0 && !double.IsNaN(most)))
        {
            throw new RecommendationException(RecommendationFailure.InvalidRequest, $"the maximum duration must be more than 0 s (got {most} s)");
        }

        if (minSeconds is { } low && maxSeconds is { } high && low > high)
        {
            throw new RecommendationException(RecommendationFailure.InvalidRequest, $"the minimum duration ({low} s) exceeds the maximum ({high} s)");
        }
    }
}
