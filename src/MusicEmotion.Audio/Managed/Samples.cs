namespace MusicEmotion.Audio.Managed;

/// <summary>Clean-up shared by the managed decoders.</summary>
internal static class Samples
{
    /// <summary>NaN or infinity from a corrupt stream would poison every feature downstream: they become silence.</summary>
    public static void ReplaceNonFinite(Span<float> samples)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            if (!float.IsFinite(samples[i]))
            {
                samples[i] = 0f;
            }
        }
    }
}
