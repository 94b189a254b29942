namespace MusicEmotion.Recommend.Vectors;

/// <summary>Accumulates tracks' vector blocks (streaming, in double precision) and produces <see cref="CatalogStatistics"/>.</summary>
public sealed class CatalogStatisticsBuilder
{
    private const double MinimumDeviation = 1e-6;
    private readonly string _modelName;
    private readonly string _modelVersion;
    private readonly int _arcLength;
    private readonly Moments _descriptors;
    private readonly Moments _emotion;
    private readonly Moments _arc = new(2);
    private readonly Moments _melody = new(TrackVectorBlocks.MelodyNames.Count);
    private int _count;
    private int _withMelody;

    /// <summary>Creates a builder for tracks of one model version and arc length.</summary>
    public CatalogStatisticsBuilder(string modelName, string modelVersion, int arcLength)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelName);
        ArgumentException.ThrowIfNullOrEmpty(modelVersion);
        ArgumentOutOfRangeException.ThrowIfLessThan(arcLength, 1);
        _modelName = modelName;
        _modelVersion = modelVersion;
        _arcLength = arcLength;
        _descriptors = new Moments(Features.Descriptors.TrackDescriptors.Names.Count);
        _emotion = new Moments(TrackVectorBlocks.EmotionStatisticNames.Count);
    }

    /// <summary>Tracks added so far.</summary>
    public int Count => _count;

    /// <summary>Adds one track's blocks (its melody block, if any, to the melody statistics, which only tracks with one make).</summary>
    /// <exception cref="ArgumentException">The arc length differs from the builder's.</exception>
    public void Add(TrackVectorBlocks blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.ArcLength != _arcLength)
        {
            throw new ArgumentException($"The track's arc has {blocks.ArcLength} values per dimension; these statistics use {_arcLength}.", nameof(blocks));
        }

        _descriptors.Add(blocks.Descriptors);
        _emotion.Add(blocks.EmotionStatistics);
        for (int i = 0; i < _arcLength; i++)
        {
            _arc.Add(0, blocks.EmotionArc[i]);
            _arc.Add(1, blocks.EmotionArc[_arcLength + i]);
        }

        if (blocks.Melody is { } melody)
        {
            _melody.Add(melody);
            _withMelody++;
        }

        _count++;
    }

    /// <summary>The statistics of the tracks added.</summary>
    /// <exception cref="InvalidOperationException">No track was added.</exception>
    public CatalogStatistics Build()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("Catalog statistics need at least one track.");
        }

        // The arc is already centred per track: standardise it by its pooled spread only (mean 0), so arcs keep their shape.
        float arousalSd = _arc.Deviation(0, MinimumDeviation), valenceSd = _arc.Deviation(1, MinimumDeviation);
        var arcMean = new float[2 * _arcLength];
        float[] arcSd = Enumerable.Repeat(arousalSd, _arcLength).Concat(Enumerable.Repeat(valenceSd, _arcLength)).ToArray();
        return new CatalogStatistics(
            _modelName,
            _modelVersion,
            _count,
            _arcLength,
            _descriptors.ToStatistics(MinimumDeviation),
            _emotion.ToStatistics(MinimumDeviation),
            new BlockStatistics(arcMean, arcSd),
            DateTimeOffset.UtcNow)
        {
            Melody = _withMelody > 0 ? _melody.ToStatistics(MinimumDeviation) : null,
        };
    }

    private sealed class Moments(int length)
    {
        private readonly double[] _sum = new double[length];
        private readonly double[] _sumOfSquares = new double[length];
        private readonly long[] _n = new long[length];

        public void Add(IReadOnlyList<float> values)
        {
            for (int i = 0; i < values.Count; i++)
            {
                Add(i, values[i]);
            }
        }

        public void Add(int index, float value)
        {
            _sum[index] += value;
            _sumOfSquares[index] += (double)value * value;
            _n[index]++;
        }

        public float Deviation(int index, double floor)
        {
            double mean = _sum[index] / _n[index];
            double variance = Math.Max(0, (_sumOfSquares[index] / _n[index]) - (mean * mean));
            return (float)Math.Max(Math.Sqrt(variance), floor * Math.Max(1, Math.Abs(mean)));
        }

        public BlockStatistics ToStatistics(double floor) => new(
            Enumerable.Range(0, length).Select(i => (float)(_sum[i] / _n[i])).ToArray(),
            Enumerable.Range(0, length).Select(i => Deviation(i, floor)).ToArray());
    }
}
