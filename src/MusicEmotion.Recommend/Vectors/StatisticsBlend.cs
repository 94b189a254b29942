namespace MusicEmotion.Recommend.Vectors;

/// <summary>
/// Blends a catalog's own standardisation statistics with reference statistics of a broad set of music: per value, the
/// mean and spread of the mixture that gives the reference a share <c>w</c> and the catalog <c>1 − w</c>
/// (<c>μ = (1 − w)·μ_c + w·μ_r</c>, <c>σ² = (1 − w)·(σ_c² + (μ_c − μ)²) + w·(σ_r² + (μ_r − μ)²)</c>). The reference's share
/// falls linearly with the catalog's size, from 1 for an empty catalog to 0 at the size from which the catalog's own
/// statistics are used alone.
/// </summary>
internal static class StatisticsBlend
{
    /// <summary>The reference's share for a catalog of <paramref name="tracks"/> tracks: <c>max(0, 1 − tracks / ownFrom)</c>.</summary>
    public static double ReferenceShare(int tracks, int ownFrom) => ownFrom <= 0 ? 0 : Math.Clamp(1 - ((double)tracks / ownFrom), 0, 1);

    /// <summary>
    /// The statistics to standardise with: <paramref name="own"/> blended with the reference of its model among <paramref name="references"/> when the
    /// reference is for the same model and the catalog is smaller than <paramref name="ownFrom"/>; otherwise
    /// <paramref name="own"/> itself.
    /// </summary>
    public static CatalogStatistics Apply(CatalogStatistics own, IReadOnlyList<CatalogStatistics>? references, int ownFrom)
    {
        ArgumentNullException.ThrowIfNull(own);
        return Apply(own, references?.FirstOrDefault(r => r is not null && r.IsFor(own.ModelName, own.ModelVersion)), ownFrom);
    }

    /// <summary>As <see cref="Apply(CatalogStatistics, IReadOnlyList{CatalogStatistics}?, int)"/> with one reference.</summary>
    public static CatalogStatistics Apply(CatalogStatistics own, CatalogStatistics? reference, int ownFrom)
    {
        ArgumentNullException.ThrowIfNull(own);
        double share = ReferenceShare(own.TrackCount, ownFrom);
        if (reference is null || share <= 0 || !reference.IsFor(own.ModelName, own.ModelVersion))
        {
            return own;
        }

        return own with
        {
            Descriptors = Mix(own.Descriptors, reference.Descriptors, share),
            EmotionStatistics = Mix(own.EmotionStatistics, reference.EmotionStatistics, share),
            EmotionArc = Mix(own.EmotionArc, ArcOfLength(reference, own.ArcLength), share),
            Melody = own.Melody is { } melody && reference.Melody is { } referenceMelody ? Mix(melody, referenceMelody, share) : own.Melody,
        };
    }

    private static BlockStatistics Mix(BlockStatistics own, BlockStatistics reference, double share)
    {
        var mean = new float[own.Length];
        var deviation = new float[own.Length];
        for (int i = 0; i < own.Length; i++)
        {
            double mc = own.Mean[i], mr = reference.Mean[i], sc = own.StandardDeviation[i], sr = reference.StandardDeviation[i];
            double m = ((1 - share) * mc) + (share * mr);
            double variance = ((1 - share) * ((sc * sc) + ((mc - m) * (mc - m)))) + (share * ((sr * sr) + ((mr - m) * (mr - m))));
            mean[i] = (float)m;
            deviation[i] = (float)Math.Max(Math.Sqrt(variance), Math.Min(sc, sr));
        }

        return new BlockStatistics(mean, deviation);
    }

    /// <summary>The reference's arc statistics for <paramref name="arcLength"/> values per dimension (pooled: one spread per dimension).</summary>
    private static BlockStatistics ArcOfLength(CatalogStatistics reference, int arcLength)
    {
        if (reference.ArcLength == arcLength)
        {
            return reference.EmotionArc;
        }

        float arousal = reference.EmotionArc.StandardDeviation[0], valence = reference.EmotionArc.StandardDeviation[reference.ArcLength];
        return new BlockStatistics(new float[2 * arcLength],
            Enumerable.Repeat(arousal, arcLength).Concat(Enumerable.Repeat(valence, arcLength)).ToArray());
    }
}
