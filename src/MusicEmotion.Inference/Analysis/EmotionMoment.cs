namespace MusicEmotion.Inference.Analysis;

/// <summary>One second of a timeline singled out by a summary (a strongest moment or a peak).</summary>
/// <param name="Second">Index of the second: the moment covers <c>[Second, Second + 1)</c> seconds into the track.</param>
/// <param name="Arousal">Arousal during that second, on [-1, 1].</param>
/// <param name="Valence">Valence during that second, on [-1, 1].</param>
/// <param name="Intensity">Distance from the origin, <c>sqrt(arousal² + valence²)</c>, on [0, √2].</param>
/// <param name="Quadrant">The quadrant of the point (0 counts as positive).</param>
public sealed record EmotionMoment(int Second, float Arousal, float Valence, double Intensity, EmotionQuadrant Quadrant)
{
    /// <summary>The moment at <paramref name="second"/> of <paramref name="timeline"/>.</summary>
    public static EmotionMoment At(EmotionTimeline timeline, int second)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        float arousal = timeline.Arousal[second], valence = timeline.Valence[second];
        return new EmotionMoment(
            second,
            arousal,
            valence,
            Math.Sqrt(((double)arousal * arousal) + ((double)valence * valence)),
            ArousalValence.QuadrantOf(arousal, valence));
    }
}
