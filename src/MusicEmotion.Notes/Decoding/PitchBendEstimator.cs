using MusicEmotion.Notes.Model;

namespace MusicEmotion.Notes.Decoding;

/// <summary>
/// Reads a key's pitch deviation from one frame of the contour output, as Basic Pitch describes it: the contour bins
/// within ±<see cref="ToleranceBins"/> of the key's own bin (3 per semitone), weighted by a Gaussian of standard
/// deviation 5 bins centred on it, and the best-weighted bin's offset from the key's bin is the bend (in thirds of a
/// semitone). Ties go to the higher bin, as in the reference.
/// </summary>
internal static class PitchBendEstimator
{
    /// <summary>Bins searched on each side of the key's bin.</summary>
    public const int ToleranceBins = 25;

    private static readonly double[] Weights = CreateWeights();

    /// <summary>Writes each key's bend (bins) for one contour frame into <paramref name="bends"/> (88 values).</summary>
    public static void Estimate(ReadOnlySpan<float> contour, Span<sbyte> bends)
    {
        for (int key = 0; key < BasicPitchGeometry.Keys; key++)
        {
            int centre = key * BasicPitchGeometry.ContourBinsPerSemitone;
            int low = Math.Max(0, centre - ToleranceBins);
            int high = Math.Min(BasicPitchGeometry.ContourBins - 1, centre + ToleranceBins);
            int best = low;
            double bestValue = double.NegativeInfinity;
            for (int bin = low; bin <= high; bin++)
            {
                double weighted = contour[bin] * Weights[bin - centre + ToleranceBins];
                if (weighted >= bestValue)
                {
                    bestValue = weighted;
                    best = bin;
                }
            }

            bends[key] = (sbyte)(best - centre);
        }
    }

    private static double[] CreateWeights()
    {
        const double sigma = 5;
        var weights = new double[(2 * ToleranceBins) + 1];
        for (int i = 0; i < weights.Length; i++)
        {
            double d = i - ToleranceBins;
            weights[i] = Math.Exp(-(d * d) / (2 * sigma * sigma));
        }

        return weights;
    }
}
