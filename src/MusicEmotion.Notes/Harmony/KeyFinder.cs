namespace MusicEmotion.Notes.Harmony;

/// <summary>
/// Finds the key of a span of notes: the Krumhansl–Schmuckler algorithm with the Krumhansl–Kessler (1982) probe-tone
/// profiles, correlated with the duration-weighted <see cref="PitchClassHistogram"/> in all 24 rotations.
/// </summary>
public static class KeyFinder
{
    /// <summary>Seconds of sound (summed over notes) below which no key is given: a note or two is no key.</summary>
    public const double MinimumSoundSeconds = 1.0;

    // Krumhansl & Kessler (1982), probe-tone ratings, tonic first.
    private static readonly double[] MajorProfile = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];
    private static readonly double[] MinorProfile = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

    /// <summary>
    /// The best-matching key of <paramref name="histogram"/>, or null when the notes cannot name one: less than
    /// <see cref="MinimumSoundSeconds"/> of sound, or fewer than three pitch classes.
    /// </summary>
    public static MusicalKey? Find(PitchClassHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.Total < MinimumSoundSeconds || histogram.DistinctClasses < 3)
        {
            return null;
        }

        double best = double.NegativeInfinity, second = double.NegativeInfinity, bestMajor = double.NegativeInfinity, bestMinor = double.NegativeInfinity;
        int bestTonic = 0;
        KeyMode bestMode = KeyMode.Major;
        foreach (KeyMode mode in (ReadOnlySpan<KeyMode>)[KeyMode.Major, KeyMode.Minor])
        {
            double[] profile = mode == KeyMode.Major ? MajorProfile : MinorProfile;
            for (int tonic = 0; tonic < 12; tonic++)
            {
                double r = Correlation(histogram, profile, tonic);
                if (mode == KeyMode.Major)
                {
                    bestMajor = Math.Max(bestMajor, r);
                }
                else
                {
                    bestMinor = Math.Max(bestMinor, r);
                }

                if (r > best)
                {
                    second = best;
                    best = r;
                    bestTonic = tonic;
                    bestMode = mode;
                }
                else if (r > second)
                {
                    second = r;
                }
            }
        }

        return new MusicalKey(bestTonic, bestMode, best, best - second, bestMajor - bestMinor);
    }

    /// <summary>The key of the notes overlapping [<paramref name="from"/>, <paramref name="to"/>) seconds, or null (see <see cref="Find(PitchClassHistogram)"/>).</summary>
    public static MusicalKey? Find(IEnumerable<NoteEvent> notes, double from, double to) => Find(PitchClassHistogram.Of(notes, from, to));

    private static double Correlation(PitchClassHistogram histogram, double[] profile, int tonic)
    {
        double meanH = histogram.Total / 12, meanP = profile.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int pc = 0; pc < 12; pc++)
        {
            double x = histogram[pc] - meanH;
            double y = profile[((pc - tonic) % 12 + 12) % 12] - meanP;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }

        return sxx <= 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }
}
