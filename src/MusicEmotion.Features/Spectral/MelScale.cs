namespace MusicEmotion.Features.Spectral;

/// <summary>Hz ↔ mel conversions, exactly librosa's <c>hz_to_mel</c>, <c>mel_to_hz</c> and <c>mel_frequencies</c>.</summary>
internal static class MelScale
{
    private const double SlaneyHzPerMel = 200.0 / 3.0;
    private const double SlaneyBreakHz = 1000.0;
    private const double SlaneyBreakMel = SlaneyBreakHz / SlaneyHzPerMel;
    private static readonly double SlaneyLogStep = Math.Log(6.4) / 27.0;

    /// <summary>
    /// Converts Hz to mel. Slaney: <c>f/(200/3)</c> below 1 kHz, <c>15 + ln(f/1000)/(ln(6.4)/27)</c> above.
    /// HTK: <c>2595·log10(1 + f/700)</c>.
    /// </summary>
    /// <param name="hz">Frequency in Hz.</param>
    /// <param name="scale">Formula (default Slaney).</param>
    /// <returns>The mel value.</returns>
    public static double HzToMel(double hz, MelScaleKind scale = MelScaleKind.Slaney)
    {
        if (scale == MelScaleKind.Htk)
        {
            return 2595.0 * Math.Log10(1.0 + (hz / 700.0));
        }

        return hz >= SlaneyBreakHz
            ? SlaneyBreakMel + (Math.Log(hz / SlaneyBreakHz) / SlaneyLogStep)
            : hz / SlaneyHzPerMel;
    }

    /// <summary>Converts mel to Hz (inverse of <see cref="HzToMel"/>).</summary>
    /// <param name="mel">Mel value.</param>
    /// <param name="scale">Formula (default Slaney).</param>
    /// <returns>The frequency in Hz.</returns>
    public static double MelToHz(double mel, MelScaleKind scale = MelScaleKind.Slaney)
    {
        if (scale == MelScaleKind.Htk)
        {
            return 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0);
        }

        return mel >= SlaneyBreakMel
            ? SlaneyBreakHz * Math.Exp(SlaneyLogStep * (mel - SlaneyBreakMel))
            : SlaneyHzPerMel * mel;
    }

    /// <summary>
    /// <paramref name="count"/> frequencies (Hz) uniformly spaced on the mel scale from <paramref name="fMin"/> to
    /// <paramref name="fMax"/> inclusive (librosa <c>mel_frequencies</c>).
    /// </summary>
    /// <param name="count">Number of frequencies (≥ 2).</param>
    /// <param name="fMin">Lowest frequency in Hz.</param>
    /// <param name="fMax">Highest frequency in Hz.</param>
    /// <param name="scale">Formula (default Slaney).</param>
    /// <returns>A new array of <paramref name="count"/> frequencies.</returns>
    public static double[] MelFrequencies(int count, double fMin, double fMax, MelScaleKind scale = MelScaleKind.Slaney)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        double melMin = HzToMel(fMin, scale);
        double melMax = HzToMel(fMax, scale);
        var hz = new double[count];
        for (int i = 0; i < count; i++)
        {
            // numpy.linspace: start + i·step, last point exactly stop.
            double mel = i == count - 1 ? melMax : melMin + (i * ((melMax - melMin) / (count - 1)));
            hz[i] = MelToHz(mel, scale);
        }

        return hz;
    }
}
