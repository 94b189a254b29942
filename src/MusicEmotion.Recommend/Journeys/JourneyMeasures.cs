using MusicEmotion.Inference;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend.Journeys;

/// <summary>
/// The two measures of a journey, shared by the planner, its reports and the evaluation: how far the songs' per-second
/// curves lie from the path (the path error), and how far the mood jumps where one song hands over to the next
/// (<see cref="HandOverJump"/>). Only seconds that carry a mood reading count.
/// </summary>
public static class JourneyMeasures
{
    /// <summary>The default hand-over window: the last and first 20 s of two songs.</summary>
    public const double DefaultHandOverSeconds = 20;

    /// <summary>
    /// The window used at one end of a song: <paramref name="handOverSeconds"/>, but at most a third of the song (so a
    /// 30-second clip is compared on its last and first 10 s), and at least one second.
    /// </summary>
    public static int WindowFor(EmotionTimeline timeline, double handOverSeconds)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return Math.Max(1, (int)Math.Round(Math.Min(handOverSeconds, timeline.Count / 3.0)));
    }

    /// <summary>The mean mood of <paramref name="timeline"/> over the seconds that carry a mood reading; null when none does.</summary>
    public static MoodPoint? Mean(EmotionTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return MoodSeconds.Mean(timeline) is var (arousal, valence) ? new MoodPoint(valence, arousal) : null;
    }

    /// <summary>The mean mood of the first seconds of <paramref name="timeline"/> (its window: <see cref="WindowFor"/>).</summary>
    public static MoodPoint Head(EmotionTimeline timeline, double handOverSeconds = DefaultHandOverSeconds) =>
        MeanOf(timeline, WindowFor(timeline, handOverSeconds), fromEnd: false);

    /// <summary>The mean mood of the last seconds of <paramref name="timeline"/> (its window: <see cref="WindowFor"/>).</summary>
    public static MoodPoint Tail(EmotionTimeline timeline, double handOverSeconds = DefaultHandOverSeconds) =>
        MeanOf(timeline, WindowFor(timeline, handOverSeconds), fromEnd: true);

    /// <summary>The hand-over jump: the distance on the plane between the end of <paramref name="from"/> and the start of <paramref name="to"/>.</summary>
    public static double HandOverJump(EmotionTimeline from, EmotionTimeline to, double handOverSeconds = DefaultHandOverSeconds) =>
        Tail(from, handOverSeconds).DistanceTo(Head(to, handOverSeconds));

    /// <summary>
    /// The path error of one song placed on a stretch of <paramref name="path"/>: its seconds are spread evenly over the
    /// stretch from <paramref name="from"/> to <paramref name="to"/> (fractions of the path; second <c>i</c> of <c>n</c>
    /// sits at <c>from + (to − from)·(i + ½)/n</c>) and the mean distance between each second's mood and the path there is
    /// returned. NaN when no second carries a mood reading.
    /// </summary>
    public static double PathError(EmotionTimeline timeline, MoodPath path, double from, double to)
    {
        (double sum, int count) = PathErrorSum(timeline, path, from, to);
        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>
    /// The path error of songs played in order with each song on an equal share of the path (song <c>k</c> of <c>N</c> on
    /// <c>[k/N, (k+1)/N]</c>): the mean over every second of every song.
    /// </summary>
    public static double PathError(IReadOnlyList<EmotionTimeline> songs, MoodPath path)
    {
        ArgumentNullException.ThrowIfNull(songs);
        double sum = 0;
        int count = 0;
        for (int k = 0; k < songs.Count; k++)
        {
            (double s, int c) = PathErrorSum(songs[k], path, (double)k / songs.Count, (double)(k + 1) / songs.Count);
            sum += s;
            count += c;
        }

        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>The mean hand-over jump of songs played in order (NaN for fewer than two songs).</summary>
    public static double MeanHandOverJump(IReadOnlyList<EmotionTimeline> songs, double handOverSeconds = DefaultHandOverSeconds)
    {
        ArgumentNullException.ThrowIfNull(songs);
        if (songs.Count < 2)
        {
            return double.NaN;
        }

        double sum = 0;
        for (int k = 1; k < songs.Count; k++)
        {
            sum += HandOverJump(songs[k - 1], songs[k], handOverSeconds);
        }

        return sum / (songs.Count - 1);
    }

    internal static (double Sum, int Count) PathErrorSum(EmotionTimeline timeline, MoodPath path, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(path);
        double sum = 0;
        int count = 0, n = timeline.Count;
        for (int i = 0; i < n; i++)
        {
            if (!MoodSeconds.Counts(timeline, i))
            {
                continue;
            }

            MoodPoint target = path.At(from + ((to - from) * (i + 0.5) / n));
            sum += target.DistanceTo(new MoodPoint(timeline.Valence[i], timeline.Arousal[i]));
            count++;
        }

        return (sum, count);
    }

    private static MoodPoint MeanOf(EmotionTimeline timeline, int window, bool fromEnd)
    {
        double valence = 0, arousal = 0;
        int count = 0, n = timeline.Count;
        // Walk inwards from the chosen end until the window holds `window` seconds with a mood reading (or the song ends).
        for (int step = 0; step < n && count < window; step++)
        {
            int i = fromEnd ? n - 1 - step : step;
            if (MoodSeconds.Counts(timeline, i))
            {
                valence += timeline.Valence[i];
                arousal += timeline.Arousal[i];
                count++;
            }
        }

        return count == 0 ? new MoodPoint(0, 0) : new MoodPoint(valence / count, arousal / count);
    }
}
