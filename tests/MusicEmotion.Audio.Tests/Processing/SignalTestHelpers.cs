using MusicEmotion.Audio.Processing;

namespace MusicEmotion.Audio.Tests.Processing;

/// <summary>Synthetic signals and simple measurements shared by the processing tests.</summary>
internal static class SignalTestHelpers
{
    public static float[] Sine(double frequency, int sampleRate, int length, double amplitude = 1.0, double phase = 0)
    {
        var samples = new float[length];
        for (int n = 0; n < length; n++)
        {
            samples[n] = (float)(amplitude * Math.Sin((2 * Math.PI * frequency * n / sampleRate) + phase));
        }

        return samples;
    }

    /// <summary>Frequency from rising zero crossings (linearly interpolated) of <paramref name="x"/>[start..end).</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<float> x, int sampleRate, int start, int end)
    {
        var (first, last, cycles) = RisingCrossings(x, start, end);
        return cycles / ((last - first) / sampleRate);
    }

    /// <summary>Peak amplitude of a sine, as √2·RMS over a whole number of cycles inside [start, end).</summary>
    public static double SineAmplitude(ReadOnlySpan<float> x, int start, int end)
    {
        var (first, last, _) = RisingCrossings(x, start, end);
        int from = (int)Math.Round(first);
        int to = (int)Math.Round(last);
        return Math.Sqrt(2) * Rms(x[from..to]);
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x)
        {
            sum += (double)v * v;
        }

        return Math.Sqrt(sum / x.Length);
    }

    public static double Db(double ratio) => 20 * Math.Log10(ratio);

    /// <summary>Reads a source to the end with a fixed buffer size.</summary>
    public static float[] ReadWithBuffer(ISampleSource source, int bufferSize)
    {
        var result = new List<float>();
        var buffer = new float[bufferSize];
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            result.AddRange(buffer.AsSpan(0, read));
        }

        return result.ToArray();
    }

    private static (double First, double Last, int Cycles) RisingCrossings(ReadOnlySpan<float> x, int start, int end)
    {
        double first = double.NaN;
        double last = double.NaN;
        int crossings = 0;
        for (int n = start + 1; n < end; n++)
        {
            if (x[n - 1] < 0 && x[n] >= 0)
            {
                double position = n - 1 + (x[n - 1] / (x[n - 1] - x[n]));
                if (crossings == 0)
                {
                    first = position;
                }

                last = position;
                crossings++;
            }
        }

        if (crossings < 2)
        {
            throw new InvalidOperationException("Fewer than two rising zero crossings.");
        }

        return (first, last, crossings - 1);
    }
}

/// <summary>A source of unknown length that records whether it was disposed.</summary>
internal sealed class TrackingSource(float[] samples, AudioFormat format, bool lengthKnown = true, int maxFramesPerRead = 0) : ISampleSource
{
    private readonly ArraySampleSource _inner = new(samples, format, maxFramesPerRead);

    public bool IsDisposed { get; private set; }

    public AudioFormat Format => _inner.Format;

    public long? LengthInFrames => lengthKnown ? _inner.LengthInFrames : null;

    public int Read(Span<float> buffer) => _inner.Read(buffer);

    public void Dispose()
    {
        IsDisposed = true;
        _inner.Dispose();
    }
}
