namespace MusicEmotion.Recommend.Recommending;

/// <summary>
/// A recommendation request cannot be served: bad input (<see cref="MusicEmotionErrorKind.Input"/>); <see cref="Reason"/>
/// says which (for mapping to HTTP statuses).
/// </summary>
public sealed class RecommendationException : MusicEmotionException
{
    /// <summary>Creates the exception.</summary>
    public RecommendationException(RecommendationFailure reason, string message, string? trackId = null)
        : base(MusicEmotionErrorKind.Input, message)
    {
        Reason = reason;
        TrackId = trackId;
    }

    /// <summary>Why the request failed.</summary>
    public RecommendationFailure Reason { get; }

    /// <summary>The track concerned, if any.</summary>
    public string? TrackId { get; }
}
