using MusicEmotion.Inference;

namespace MusicEmotion.Server.Api;

/// <summary>A timeline's per-second values as the API sends them, for a track and for each step of a journey.</summary>
internal static class TimelineValues
{
    /// <summary>The values to 4 decimals.</summary>
    public static float[] Rounded(IReadOnlyList<float> values)
    {
        var rounded = new float[values.Count];
        for (int i = 0; i < rounded.Length; i++)
        {
            rounded[i] = MathF.Round(values[i], 4);
        }

        return rounded;
    }

    /// <summary>For every second of <paramref name="timeline"/>, whether it holds music.</summary>
    public static bool[] Music(EmotionTimeline timeline) => timeline.Presence.Select(p => p == MusicPresence.Music).ToArray();
}
