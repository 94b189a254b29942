using MusicEmotion.Inference.Analysis;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Server.Api;

/// <summary>A track in a listing: enough to show and choose it (its curves are at <see cref="TrackLinks.Self"/>).</summary>
/// <param name="Id">The track id.</param>
/// <param name="Name">The name it was uploaded under.</param>
/// <param name="DurationSeconds">Length of the audio.</param>
/// <param name="MeanArousal">Mean arousal.</param>
/// <param name="MeanValence">Mean valence.</param>
/// <param name="DominantQuadrant">The quadrant holding most seconds.</param>
/// <param name="ModelVersion">The version of the model that analysed it.</param>
/// <param name="AddedUtc">When it was added.</param>
/// <param name="Links">Its resources.</param>
internal sealed record TrackListItem(
    string Id,
    string Name,
    double DurationSeconds,
    double MeanArousal,
    double MeanValence,
    EmotionQuadrant DominantQuadrant,
    string ModelVersion,
    DateTimeOffset AddedUtc,
    TrackLinks Links)
{
    /// <summary>The item for <paramref name="track"/>.</summary>
    public static TrackListItem From(TrackRecord track)
    {
        QuadrantShares shares = QuadrantShares.Of(track.Timeline);
        return new TrackListItem(
            track.Id,
            track.SourceName,
            Math.Round(track.DurationSeconds, 3),
            Math.Round(track.Timeline.Arousal.Average(), 4),
            Math.Round(track.Timeline.Valence.Average(), 4),
            shares.Dominant,
            track.ModelVersion,
            track.AddedUtc,
            TrackLinks.For(track.Id));
    }
}
