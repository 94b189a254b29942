namespace MusicEmotion.Audio.Tests.TestSupport;

internal static class SignalMeasure
{
    public static float[] ReadAll(ISampleSource source, int chunk = 8192)
    {
        var all = new List<float>();
        float[] buffer = new float[chunk];
        int n;
        while ((n = source.Read(buffer)) > 0)
        {
            all.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        return all.ToArray();
    }

    /// <summary>Frequency of a (mono) sine from its zero crossings, in Hz.</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<float> x, int sampleRate)
    {
        int first = -1, last = -1, count = 0;
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                if (first < 0)
                {
                    first = i;
                }

                last = i;
                count++;
            }
        }

        return (count - 1) * (double)sampleRate / (last - first);
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum / Math.Max(1, x.Length));
    }
}
