using MusicEmotion.Inference.Analysis;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Server.Api;

/// <summary>A track in a listing: enough to show and choose it (its curves are at <see cref="TrackLinks.Self"/>).</summary>
/// <param name="Id">The track id.</param>
/// <param name="Name">The name it was uploaded under.</param>
/// <param name="DurationSeconds">Length of the audio.</param>
/// <param name="MeanArousal">Mean arousal of the music seconds; null when the track holds no music.</param>
/// <param name="MeanValence">Mean valence of the music seconds; null when the track holds no music.</param>
/// <param name="DominantQuadrant">The quadrant holding most music seconds; null when the track holds no music.</param>
/// <param name="ModelVersion">The version of the model that analysed it.</param>
/// <param name="AddedUtc">When it was added.</param>
/// <param name="Links">Its resources.</param>
internal sealed record TrackListItem(
    string Id,
    string Name,
    double DurationSeconds,
    double? MeanArousal,
    double? MeanValence,
    EmotionQuadrant? DominantQuadrant,
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
            MeanOfMusic(track.Timeline, track.Timeline.Arousal),
            MeanOfMusic(track.Timeline, track.Timeline.Valence),
            shares.Dominant,
            track.ModelVersion,
            track.AddedUtc,
            TrackLinks.For(track.Id));
    }

    private static double? MeanOfMusic(Inference.EmotionTimeline timeline, IReadOnlyList<float> values) =>
        timeline.HasMusic ? Math.Round(timeline.MusicSeconds.Average(s => values[s]), 4) : null;
}
