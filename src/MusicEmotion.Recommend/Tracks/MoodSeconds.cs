using MusicEmotion.Inference;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>
/// The seconds of a timeline that carry a mood reading (the seconds of music: silence, steady tones and noise carry
/// none), and whether a track has any: the one place the journey planner, the audio features and the mood tags ask, so
/// that they all agree on which seconds count.
/// </summary>
internal static class MoodSeconds
{
    /// <summary>Whether second <paramref name="second"/> of <paramref name="timeline"/> carries a mood reading.</summary>
    public static bool Counts(EmotionTimeline timeline, int second) => second >= 0 && second < timeline.Count && timeline.IsMusic(second);

    /// <summary>Whether <paramref name="timeline"/> has at least one second with a mood reading (a track without one is never planned nor tagged with a mood).</summary>
    public static bool HasMood(EmotionTimeline timeline) => timeline.HasMusic;

    /// <summary>Mean arousal and valence over the seconds that carry a mood reading; null when there is none.</summary>
    public static (double Arousal, double Valence)? Mean(EmotionTimeline timeline)
    {
        double arousal = 0, valence = 0;
        int count = 0;
        for (int i = 0; i < timeline.Count; i++)
        {
            if (Counts(timeline, i))
            {
                arousal += timeline.Arousal[i];
                valence += timeline.Valence[i];
                count++;
            }
        }

        return count == 0 ? null : (arousal / count, valence / count);
    }
}
