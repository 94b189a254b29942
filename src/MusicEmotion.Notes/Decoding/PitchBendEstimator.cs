using System.Numerics.Tensors;
using MusicEmotion.Notes.Model;

namespace MusicEmotion.Notes.Decoding;

/// <summary>
/// Reads a key's pitch deviation from one frame of the contour output, as Basic Pitch describes it: the contour bins
/// within ±<see cref="ToleranceBins"/> of the key's own bin (3 per semitone), weighted by a Gaussian of standard
/// deviation 5 bins centred on it, and the best-weighted bin's offset from the key's bin is the bend (in thirds of a
/// semitone). Ties go to the higher bin, as in the reference.
/// </summary>
/// <remarks>
/// The model places a key's nominal pitch on the middle one of its three bins (<c>3·key + 1</c>, see
/// <see cref="NominalBinOffset"/>): sines at the nominal frequency of any key peak there, and every third of a
/// semitone of detuning moves the peak by one bin. The search window and the bins compared are the reference's (centred
/// on <c>3·key</c>), so the bin found is the reference's; <see cref="Semitones"/> measures the deviation from the
/// nominal bin, where the reference's bends read a third of a semitone sharp.
/// </remarks>
internal static class PitchBendEstimator
{
    /// <summary>The contour bin of a key's nominal pitch, relative to <c>3·key</c>.</summary>
    public const int NominalBinOffset = 1;

    /// <summary>Bins searched on each side of the key's bin.</summary>
    public const int ToleranceBins = 25;

    private static readonly double[] Weights = CreateWeights();

    /// <summary>Writes each key's bend (bins) for one contour frame into <paramref name="bends"/> (88 values).</summary>
    public static void Estimate(ReadOnlySpan<float> contour, Span<sbyte> bends)
    {
        // The products in double precision, as the reference computes them; vectorised, the maximum found first and then
        // its last position (no chain of dependent compares through the window).
        Span<double> values = stackalloc double[BasicPitchGeometry.ContourBins];
        Span<double> products = stackalloc double[(2 * ToleranceBins) + 1];
        TensorPrimitives.ConvertChecked(contour[..BasicPitchGeometry.ContourBins], values);
        for (int key = 0; key < BasicPitchGeometry.Keys; key++)
        {
            int centre = key * BasicPitchGeometry.ContourBinsPerSemitone;
            int low = Math.Max(0, centre - ToleranceBins);
            int high = Math.Min(BasicPitchGeometry.ContourBins - 1, centre + ToleranceBins);
            int count = high - low + 1;
            Span<double> window = products[..count];
            TensorPrimitives.Multiply(values.Slice(low, count), Weights.AsSpan(low - centre + ToleranceBins, count), window);
            int best = window.LastIndexOf(TensorPrimitives.Max(window));
            bends[key] = (sbyte)(low + (best >= 0 ? best : LastLargest(window)) - centre);
        }
    }

    /// <summary>The last position of the largest value, NaN never winning (the reference's comparison); 0 when all are NaN.</summary>
    private static int LastLargest(ReadOnlySpan<double> values)
    {
        int best = 0;
        double bestValue = double.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] >= bestValue)
            {
                bestValue = values[i];
                best = i;
            }
        }

        return best;
    }

    /// <summary>The deviation, in semitones, that a bend of <paramref name="bins"/> (as <see cref="Estimate"/> writes it) stands for.</summary>
    public static float Semitones(sbyte bins) => (bins - NominalBinOffset) / (float)BasicPitchGeometry.ContourBinsPerSemitone;

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
