using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Benchmarks.Ann;

/// <summary>
/// Synthetic track vectors with the statistics of real ones: raw blocks (descriptors, emotion statistics, arc) drawn
/// from a multivariate normal with the mean and covariance of a real catalog's raw blocks, then embedded exactly as the
/// recommender embeds tracks (<see cref="TrackVectorSpace"/>: standardised, unit norm per block, weighted). No
/// clusters are planted, so the set is smoother, and harder for a graph index, than a real catalog of genres.
/// </summary>
internal sealed class SyntheticTrackVectors
{
    private readonly double[] _mean;
    private readonly double[,] _cholesky;
    private readonly int _descriptors, _statistics, _arc;

    public SyntheticTrackVectors(IReadOnlyList<TrackVectorBlocks> real)
    {
        _descriptors = real[0].Descriptors.Count;
        _statistics = real[0].EmotionStatistics.Count;
        _arc = real[0].EmotionArc.Count;
        int n = _descriptors + _statistics + _arc;
        double[][] rows = real.Select(b => b.Descriptors.Concat(b.EmotionStatistics).Concat(b.EmotionArc).Select(v => (double)v).ToArray()).ToArray();
        _mean = new double[n];
        foreach (double[] row in rows)
        {
            for (int i = 0; i < n; i++)
            {
                _mean[i] += row[i] / rows.Length;
            }
        }

        var covariance = new double[n, n];
        foreach (double[] row in rows)
        {
            for (int i = 0; i < n; i++)
            {
                double a = row[i] - _mean[i];
                for (int j = 0; j <= i; j++)
                {
                    covariance[i, j] += a * (row[j] - _mean[j]) / (rows.Length - 1);
                }
            }
        }

        // A small ridge: the arc values of a track sum to zero per dimension, so the covariance is singular.
        for (int i = 0; i < n; i++)
        {
            covariance[i, i] += (1e-4 * covariance[i, i]) + 1e-9;
        }

        _cholesky = Cholesky(covariance, n);
    }

    /// <summary>Draws raw blocks.</summary>
    public TrackVectorBlocks Next(Random random)
    {
        int n = _mean.Length;
        Span<double> z = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        }

        var x = new float[n];
        for (int i = 0; i < n; i++)
        {
            double sum = _mean[i];
            for (int j = 0; j <= i; j++)
            {
                sum += _cholesky[i, j] * z[j];
            }

            x[i] = (float)sum;
        }

        return new TrackVectorBlocks(x[.._descriptors], x[_descriptors..(_descriptors + _statistics)], x[(_descriptors + _statistics)..]);
    }

    private static double[,] Cholesky(double[,] a, int n)
    {
        var l = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[i, j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
            }
        }

        return l;
    }
}
