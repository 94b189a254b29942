using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Server.Api;

/// <summary>A track as the API shows it: its per-second curves, their statistics, its description and a little about its sound.</summary>
/// <param name="Id">The SHA-256 of the audio bytes (64 hexadecimal digits).</param>
/// <param name="Name">The file name it was uploaded under (for display).</param>
/// <param name="DurationSeconds">Length of the audio.</param>
/// <param name="SecondsPerValue">Seconds covered by each value of the curves: 1.</param>
/// <param name="Arousal">Arousal for every second, on [-1, 1] (value i covers [i, i+1) s), 4 decimals.</param>
/// <param name="Valence">Valence for every second, on [-1, 1], 4 decimals.</param>
/// <param name="Music">For every second, whether it holds music; seconds without music (silence, a steady tone or noise) carry no mood (0) and the summary leaves them out.</param>
/// <param name="Summary">Statistics of the music seconds' curves: mean, spread, percentiles, trend, quadrant shares, strongest moments, arousal peaks.</param>
/// <param name="Description">A plain-language description of the song's emotional character.</param>
/// <param name="Sound">Tempo and key.</param>
/// <param name="ModelName">The emotion model that analysed it.</param>
/// <param name="ModelVersion">That model's version.</param>
/// <param name="AddedUtc">When it was added.</param>
/// <param name="Links">Its other resources.</param>
internal sealed record TrackResponse(
    string Id,
    string Name,
    double DurationSeconds,
    double SecondsPerValue,
    IReadOnlyList<float> Arousal,
    IReadOnlyList<float> Valence,
    IReadOnlyList<bool> Music,
    EmotionSummary Summary,
    string? Description,
    TrackSound Sound,
    string ModelName,
    string ModelVersion,
    DateTimeOffset AddedUtc,
    TrackLinks Links)
{
    /// <summary>The response for <paramref name="track"/>, its summary made with the service's configured <paramref name="summary"/> options.</summary>
    public static TrackResponse From(TrackRecord track, SummaryOptions summary)
    {
        EmotionTimeline timeline = track.Timeline;
        return new TrackResponse(
            track.Id,
            track.SourceName,
            Math.Round(track.DurationSeconds, 3),
            timeline.SecondsPerValue,
            TimelineValues.Rounded(timeline.Arousal),
            TimelineValues.Rounded(timeline.Valence),
            TimelineValues.Music(timeline),
            EmotionSummary.From(timeline, summary),
            track.Description,
            new TrackSound(Math.Round(track.Descriptors.TempoBpm, 1), track.Descriptors.Key.Name, Math.Round(track.Descriptors.Key.Strength, 3)),
            track.ModelName,
            track.ModelVersion,
            track.AddedUtc,
            TrackLinks.For(track.Id));
    }
}
