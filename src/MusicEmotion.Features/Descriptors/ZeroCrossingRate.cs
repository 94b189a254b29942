namespace MusicEmotion.Features.Descriptors;

/// <summary>
/// Zero-crossing rate of a raw frame: the number of adjacent sample pairs whose sign bits differ (zero counts as
/// positive, as librosa's <c>zero_pos=True</c>) divided by the frame length. A sine of frequency <c>f</c> gives ≈ <c>2f/sr</c>.
/// </summary>
internal static class ZeroCrossingRate
{
    /// <summary>Computes the rate.</summary>
    /// <param name="frame">Frame samples (non-empty).</param>
    /// <returns>Crossings per sample.</returns>
    public static float Compute(ReadOnlySpan<float> frame)
    {
        if (frame.IsEmpty)
        {
            throw new ArgumentException("Frame must not be empty.", nameof(frame));
        }

        int crossings = 0;
        bool previousNegative = frame[0] < 0f;
        for (int i = 1; i < frame.Length; i++)
        {
            bool negative = frame[i] < 0f;
            crossings += negative != previousNegative ? 1 : 0;
            previousNegative = negative;
        }

        return (float)crossings / frame.Length;
    }
}
