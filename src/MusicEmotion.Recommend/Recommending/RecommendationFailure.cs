namespace MusicEmotion.Recommend.Recommending;

/// <summary>Why a recommendation or journey request failed.</summary>
public enum RecommendationFailure
{
    /// <summary>The request is malformed (no liked track, k out of range, a bad id...).</summary>
    InvalidRequest,

    /// <summary>A liked or disliked track is not in the catalog.</summary>
    UnknownTrack,

    /// <summary>A liked or disliked track was analysed by another model version; re-analyse it.</summary>
    StaleTrack,

    /// <summary>A liked or disliked track holds no music (silence, a steady tone or noise), so it has no mood to match.</summary>
    NoMusicTrack,

    /// <summary>No track of the catalog can be planned: it is empty, or the filters, dislikes and exclusions leave nothing.</summary>
    NoEligibleTracks,
}
