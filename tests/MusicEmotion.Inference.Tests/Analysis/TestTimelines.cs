namespace MusicEmotion.Inference.Tests.Analysis;

/// <summary>Constructed timelines for analysis and description tests.</summary>
internal static class TestTimelines
{
    public static EmotionTimeline Constant(float arousal, float valence, int seconds) =>
        new(Enumerable.Repeat(arousal, seconds).ToArray(), Enumerable.Repeat(valence, seconds).ToArray(), seconds);

    public static EmotionTimeline Of(float[] arousal, float[] valence) => new(arousal, valence, arousal.Length);

    /// <summary>Values going linearly from <paramref name="from"/> to <paramref name="to"/> over <paramref name="seconds"/> values.</summary>
    public static float[] Ramp(float from, float to, int seconds) =>
        Enumerable.Range(0, seconds).Select(i => seconds == 1 ? from : from + ((to - from) * i / (seconds - 1))).ToArray();

    public static float[] Repeat(float value, int seconds) => Enumerable.Repeat(value, seconds).ToArray();
}
