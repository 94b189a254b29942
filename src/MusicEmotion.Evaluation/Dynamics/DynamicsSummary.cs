namespace MusicEmotion.Evaluation.Dynamics;

/// <summary>The step responses of one output over every join.</summary>
/// <param name="DirectionRight">Share of joins whose plateaus differ the expected way.</param>
/// <param name="MeanContrast">Mean contrast (plateau difference in the expected direction) over the joins.</param>
/// <param name="MedianRiseTimeSeconds">
/// Median 20→80 % rise time over all joins, a join that moved the wrong way or never reached 80 % counting as
/// infinitely slow; null (infinite) when half the joins or more are such.
/// </param>
/// <param name="RiseTimeMeasured">Joins with a measured rise time.</param>
internal sealed record DynamicsSummary(double DirectionRight, double MeanContrast, double? MedianRiseTimeSeconds, int RiseTimeMeasured)
{
    /// <summary>Summarises the responses.</summary>
    public static DynamicsSummary Of(IReadOnlyList<StepResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        if (responses.Count == 0)
        {
            return new DynamicsSummary(0, 0, null, 0);
        }

        double[] rise = responses.Select(r => r.RiseTimeSeconds ?? double.PositiveInfinity).Order().ToArray();
        double median = rise.Length % 2 == 1 ? rise[rise.Length / 2] : (rise[(rise.Length / 2) - 1] + rise[rise.Length / 2]) / 2;
        return new DynamicsSummary(
            responses.Count(r => r.DirectionRight) / (double)responses.Count,
            responses.Average(r => r.Contrast),
            double.IsFinite(median) ? median : null,
            responses.Count(r => r.RiseTimeSeconds is not null));
    }
}
