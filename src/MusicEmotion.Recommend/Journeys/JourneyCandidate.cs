using MusicEmotion.Inference;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend.Journeys;

/// <summary>A track the planner may choose, with what it compares often worked out once.</summary>
internal sealed class JourneyCandidate
{
    public JourneyCandidate(TrackRecord track, TempoKey tempoKey, double handOverSeconds)
    {
        Track = track;
        TempoKey = tempoKey;
        Mean = JourneyMeasures.Mean(track.Timeline) ?? new MoodPoint(0, 0);
        Head = JourneyMeasures.Head(track.Timeline, handOverSeconds);
        Tail = JourneyMeasures.Tail(track.Timeline, handOverSeconds);
    }

    public TrackRecord Track { get; }

    public string Id => Track.Id;

    public EmotionTimeline Timeline => Track.Timeline;

    public TempoKey TempoKey { get; }

    public MoodPoint Mean { get; }

    public MoodPoint Head { get; }

    public MoodPoint Tail { get; }

    public bool Liked { get; set; }
}
