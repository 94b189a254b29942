namespace MusicEmotion.Features.Spectral;

/// <summary>Analysis windows (scipy.signal.get_window conventions).</summary>
internal static class WindowFunctions
{
    /// <summary>
    /// Hann window <c>w[n] = 0.5 - 0.5·cos(2πn/M)</c> with <c>M = length</c> when <paramref name="periodic"/> (the
    /// DFT-even window librosa uses, default) or <c>M = length - 1</c> when symmetric.
    /// </summary>
    /// <param name="length">Window length (≥ 1).</param>
    /// <param name="periodic">Periodic (default, for spectral analysis) or symmetric.</param>
    /// <returns>A new array of <paramref name="length"/> values.</returns>
    public static float[] Hann(int length, bool periodic = true) => Cosine(length, periodic, 0.5, 0.5);

    /// <summary>Hamming window <c>w[n] = 0.54 - 0.46·cos(2πn/M)</c>, <c>M</c> as in <see cref="Hann"/>.</summary>
    /// <param name="length">Window length (≥ 1).</param>
    /// <param name="periodic">Periodic (default) or symmetric.</param>
    /// <returns>A new array of <paramref name="length"/> values.</returns>
    public static float[] Hamming(int length, bool periodic = true) => Cosine(length, periodic, 0.54, 0.46);

    /// <summary>
    /// The window of <paramref name="kind"/> and length <paramref name="windowLength"/> (periodic), zero-padded
    /// centrally to <paramref name="fftSize"/> like librosa's <c>util.pad_center</c> (left pad <c>(fftSize - windowLength)/2</c>).
    /// </summary>
    /// <param name="kind">Window shape.</param>
    /// <param name="windowLength">Length of the non-zero part, 1..<paramref name="fftSize"/>.</param>
    /// <param name="fftSize">Total length.</param>
    /// <returns>A new array of <paramref name="fftSize"/> values.</returns>
    public static float[] CreatePadded(WindowFunction kind, int windowLength, int fftSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowLength, fftSize);
        float[] core = kind switch
        {
            WindowFunction.Hann => Hann(windowLength),
            WindowFunction.Hamming => Hamming(windowLength),
            WindowFunction.Rectangular => Enumerable.Repeat(1f, windowLength).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown window function."),
        };
        if (windowLength == fftSize)
        {
            return core;
        }

        var padded = new float[fftSize];
        core.CopyTo(padded, (fftSize - windowLength) / 2);
        return padded;
    }

    private static float[] Cosine(int length, bool periodic, double a0, double a1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var w = new float[length];
        if (length == 1)
        {
            w[0] = 1f;
            return w;
        }

        int m = periodic ? length : length - 1;
        for (int n = 0; n < length; n++)
        {
            w[n] = (float)(a0 - (a1 * Math.Cos(2.0 * Math.PI * n / m)));
        }

        return w;
    }
}
