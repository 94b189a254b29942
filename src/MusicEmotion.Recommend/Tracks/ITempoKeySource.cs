namespace MusicEmotion.Recommend.Tracks;

/// <summary>
/// Where the journey planner, the audio features and the mood tags get a track's tempo and key (and the recommender's
/// explanations the keys they name). The default,
/// <see cref="DescriptorTempoKeySource"/>, reads the estimates stored with every track (onset-envelope tempo, chroma
/// key); a host with better estimates (from a transcription, from its own metadata) plugs them in here.
/// </summary>
public interface ITempoKeySource
{
    /// <summary>The tempo and key of <paramref name="track"/>; <see cref="TempoKey.Unknown"/> parts when not known.</summary>
    TempoKey Estimate(TrackRecord track);
}
