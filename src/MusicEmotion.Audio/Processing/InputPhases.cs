namespace MusicEmotion.Audio.Processing;

/// <summary>
/// The phase split shared by the vectorised resampling kernels: a block of input is cut into its <c>M</c> phases
/// <c>x[q·M + r]</c>, phase <c>r</c> stored from <c>r·stride</c>, so that samples <c>M</c> apart become neighbours.
/// </summary>
internal static class InputPhases
{
    /// <summary>Writes phase <c>r</c> of <paramref name="block"/> to <c>phases[r·stride …]</c> for every <c>r &lt; factor</c>.</summary>
    public static void Split(ReadOnlySpan<float> block, int factor, Span<float> phases, int stride)
    {
        if (factor == 2)
        {
            Span<float> even = phases.Slice(0, stride);
            Span<float> odd = phases.Slice(stride, stride);
            int pairs = block.Length / 2;
            for (int k = 0; k < pairs; k++)
            {
                even[k] = block[2 * k];
                odd[k] = block[(2 * k) + 1];
            }

            if ((block.Length & 1) != 0)
            {
                even[pairs] = block[^1];
            }

            return;
        }

        for (int r = 0; r < factor && r < block.Length; r++)
        {
            Span<float> phase = phases.Slice(r * stride, stride);
            int k = 0;
            for (int i = r; i < block.Length; i += factor)
            {
                phase[k++] = block[i];
            }
        }
    }
}
