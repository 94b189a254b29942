namespace MusicEmotion.Recommend.Recommending;

/// <summary>A recommendation request cannot be served; <see cref="Reason"/> says why (for mapping to HTTP statuses).</summary>
public sealed class RecommendationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RecommendationException(RecommendationFailure reason, string message, string? trackId = null)
        : base(message)
    {
        Reason = reason;
        TrackId = trackId;
    }

    /// <summary>Why the request failed.</summary>
    public RecommendationFailure Reason { get; }

    /// <summary>The track concerned, if any.</summary>
    public string? TrackId { get; }
}
