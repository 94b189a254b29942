namespace MusicEmotion.Features.Descriptors;

/// <summary>
/// Krumhansl–Schmuckler key finding: the track's mean chroma profile is correlated (Pearson) with the
/// Krumhansl–Kessler major and minor key profiles rotated to each of the 12 tonics; the best of the 24 is the key.
/// </summary>
/// <remarks>Profiles from Krumhansl (1990), <i>Cognitive Foundations of Musical Pitch</i>, p. 30. Thread-safe.</remarks>
internal static class KeyEstimator
{
    private static readonly double[] MajorProfile = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];
    private static readonly double[] MinorProfile = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

    /// <summary>Estimates the key of a 12-bin chroma profile (C first).</summary>
    /// <param name="chroma">Mean chroma, 12 non-negative values.</param>
    /// <param name="majorStrength">The best correlation among the 12 major keys.</param>
    /// <param name="minorStrength">The best correlation among the 12 minor keys.</param>
    /// <returns>The best key; strength 0 and C major for a flat (e.g. silent) profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="chroma"/> does not hold 12 values.</exception>
    public static MusicalKey Estimate(ReadOnlySpan<float> chroma, out double majorStrength, out double minorStrength)
    {
        if (chroma.Length != 12)
        {
            throw new ArgumentException($"A chroma profile has 12 values, not {chroma.Length}.", nameof(chroma));
        }

        majorStrength = double.NegativeInfinity;
        minorStrength = double.NegativeInfinity;
        int majorTonic = 0, minorTonic = 0;
        for (int tonic = 0; tonic < 12; tonic++)
        {
            double major = Correlation(chroma, MajorProfile, tonic);
            double minor = Correlation(chroma, MinorProfile, tonic);
            if (major > majorStrength)
            {
                (majorStrength, majorTonic) = (major, tonic);
            }

            if (minor > minorStrength)
            {
                (minorStrength, minorTonic) = (minor, tonic);
            }
        }

        return minorStrength > majorStrength
            ? new MusicalKey(minorTonic, MusicalMode.Minor, minorStrength)
            : new MusicalKey(majorTonic, MusicalMode.Major, majorStrength);
    }

    /// <summary>Pearson correlation of <paramref name="chroma"/> with <paramref name="profile"/> rotated so its tonic sits on pitch class <paramref name="tonic"/>; 0 when either is constant.</summary>
    private static double Correlation(ReadOnlySpan<float> chroma, double[] profile, int tonic)
    {
        double meanChroma = 0, meanProfile = 0;
        for (int i = 0; i < 12; i++)
        {
            meanChroma += chroma[i];
            meanProfile += profile[i];
        }

        meanChroma /= 12;
        meanProfile /= 12;
        double covariance = 0, varianceChroma = 0, varianceProfile = 0;
        for (int pc = 0; pc < 12; pc++)
        {
            double c = chroma[pc] - meanChroma;
            double p = profile[(pc - tonic + 12) % 12] - meanProfile;
            covariance += c * p;
            varianceChroma += c * c;
            varianceProfile += p * p;
        }

        return varianceChroma > 1e-20 ? covariance / Math.Sqrt(varianceChroma * varianceProfile) : 0;
    }
}
