using System.Globalization;
using System.Numerics.Tensors;
using MusicEmotion.Evaluation.Metrics;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Evaluation.Recommendation;

/// <summary>
/// Would another vector block make "more like this" better? Ranks every benchmark track's neighbours by
/// <c>Σ_b w_b · cos_b</c> over the shipped blocks (standardised exactly as the recommender does with the catalog's own
/// statistics) and the candidate blocks (each value standardised over the tracks, the block scaled to unit norm), and
/// reports precision@k and nDCG@k per half of the queries (even and odd positions, the split of <c>--grid</c>) for fixed
/// weightings and for the weights a grid chooses on one half, scored on the other (and the same over random halvings).
/// </summary>
internal sealed class CandidateBlockEvaluation
{
    /// <summary>The blocks compared, in weight order.</summary>
    /// <remarks><c>mfcc</c> is the MFCC part of the timbre block (means and spreads of MFCCs 1–20) standardised on its own.</remarks>
    /// <c>melody</c> holds the melody columns of a separate transcription (<see cref="CandidateBlocks.Melody"/>).
    public static IReadOnlyList<string> BlockNames { get; } = ["descriptors", "emotion", "arc", "timbre", "notes", "mfcc", "melody"];

    private const int A = 2; // the arc's index in BlockNames
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private readonly float[][][] _unit; // block → track → unit vector
    private readonly double[][] _cosines; // block → n × n cosines, row-major (empty for an empty block)
    private readonly HashSet<int>[] _relevant;
    private readonly int _n;

    private CandidateBlockEvaluation(float[][][] unit, HashSet<int>[] relevant)
    {
        _unit = unit;
        _relevant = relevant;
        _n = relevant.Length;
        _cosines = new double[unit.Length][];
        for (int b = 0; b < unit.Length; b++)
        {
            _cosines[b] = unit[b][0].Length == 0 ? [] : new double[_n * _n];
            for (int q = 0; q < _n && _cosines[b].Length > 0; q++)
            {
                for (int j = 0; j < _n; j++)
                {
                    _cosines[b][q * _n + j] = TensorPrimitives.Dot(unit[b][q], unit[b][j]);
                }
            }
        }
    }

    /// <summary>Dimensions of each block, in <see cref="BlockNames"/> order.</summary>
    public IReadOnlyList<int> Dimensions => [.. _unit.Select(b => b[0].Length)];

    /// <summary>Builds the evaluation from the benchmark's records (in query order), their candidate blocks and relevant sets (as query indices).</summary>
    public static CandidateBlockEvaluation Create(IReadOnlyList<TrackRecord> records, IReadOnlyList<CandidateBlocks> candidates, HashSet<int>[] relevant)
    {
        var builder = new CatalogStatisticsBuilder(records[0].ModelName, records[0].ModelVersion, records[0].Blocks.ArcLength);
        foreach (TrackRecord record in records)
        {
            builder.Add(record.Blocks);
        }

        CatalogStatistics statistics = builder.Build();
        float[][] Shipped(BlockWeights only)
        {
            var space = new TrackVectorSpace(statistics, only);
            return [.. records.Select(r => space.Embed(r.Blocks))];
        }

        float[][][] unit =
        [
            Shipped(BlockWeights.DescriptorsOnly),
            Shipped(BlockWeights.EmotionStatisticsOnly),
            Shipped(BlockWeights.EmotionArcOnly),
            Standardised([.. candidates.Select(c => c.Timbre)]),
            Standardised([.. candidates.Select(c => c.Notes)]),
            Standardised([.. candidates.Select(c => MfccPart(c.Timbre))]),
            Standardised([.. candidates.Select(c => c.Melody ?? [])]),
        ];
        return new CandidateBlockEvaluation(unit, relevant);
    }

    /// <summary>Mean precision@k and nDCG@k with <paramref name="weights"/> (one per block, any scale) over the queries <paramref name="queries"/> selects.</summary>
    public RankingScores Score(IReadOnlyList<double> weights, int k, Func<int, bool>? queries = null)
    {
        double total = weights.Sum();
        var scores = new double[_n];
        var order = new int[_n - 1];
        double precision = 0, ndcg = 0;
        int count = 0;
        for (int q = 0; q < _n; q++)
        {
            if (queries is not null && !queries(q))
            {
                continue;
            }

            Array.Clear(scores);
            for (int b = 0; b < _unit.Length; b++)
            {
                if (weights[b] <= 0 || _cosines[b].Length == 0)
                {
                    continue;
                }

                double w = weights[b] / total;
                ReadOnlySpan<double> row = _cosines[b].AsSpan(q * _n, _n);
                for (int j = 0; j < _n; j++)
                {
                    scores[j] += w * row[j];
                }
            }

            int m = 0;
            for (int j = 0; j < _n; j++)
            {
                if (j != q)
                {
                    order[m++] = j;
                }
            }

            Array.Sort(order, (x, y) => scores[y] != scores[x] ? scores[y].CompareTo(scores[x]) : x.CompareTo(y));
            int[] ranked = order[..Math.Min(k, order.Length)];
            precision += RankingMetrics.PrecisionAtK(ranked, _relevant[q], k);
            ndcg += RankingMetrics.NdcgAtK(ranked, _relevant[q], k);
            count++;
        }

        return new RankingScores(precision / count, ndcg / count);
    }

    /// <summary>The report's lines: fixed weightings on all queries and both halves, then the weights each grid family chooses on one half, scored on the other.</summary>
    public IReadOnlyList<string> Report(int k)
    {
        var lines = new List<string>
        {
            string.Create(C, $"candidate blocks: {string.Join(", ", BlockNames.Select((b, i) => $"{b} {Dimensions[i]}"))} values"),
            string.Create(C, $"weights (d e a t n m l)            precision@{k}: all   even    odd | nDCG@{k}: all   even    odd"),
        };
        (string Name, double[] W)[] fixedRows =
        [
            ("descriptors only", [1, 0, 0, 0, 0, 0, 0]),
            ("emotion only", [0, 1, 0, 0, 0, 0, 0]),
            ("arc only", [0, 0, 1, 0, 0, 0, 0]),
            ("timbre only", [0, 0, 0, 1, 0, 0, 0]),
            ("notes only", [0, 0, 0, 0, 1, 0, 0]),
            ("mfcc only", [0, 0, 0, 0, 0, 1, 0]),
            ("descriptors+emotion (default)", [0.6, 0.4, 0, 0, 0, 0, 0]),
            ("timbre+emotion", [0, 0.4, 0, 0.6, 0, 0, 0]),
            ("mfcc+emotion", [0, 0.4, 0, 0, 0, 0.6, 0]),
            ("notes+emotion", [0, 0.4, 0, 0, 0.6, 0, 0]),
            ("descriptors+timbre+emotion", [0.3, 0.4, 0, 0.3, 0, 0, 0]),
            ("descriptors+emotion+notes", [0.5, 0.4, 0, 0, 0.1, 0, 0]),
            ("melody only", [0, 0, 0, 0, 0, 0, 1]),
            ("descriptors+emotion+melody", [0.5, 0.4, 0, 0, 0, 0, 0.1]),
        ];
        foreach ((string name, double[] w) in fixedRows)
        {
            lines.Add(Row(name, w, k));
        }

        lines.Add(string.Create(C, $"grid (steps of 0.1, arc 0-0.3): the cell with the best precision@{k} on one half, scored on the other"));
        lines.Add(string.Create(C, $"blocks            chosen on even (d e a t n m l)  -> odd P@{k}  nDCG | chosen on odd (d e a t n m l)  -> even P@{k}  nDCG | held-out mean P@{k}  nDCG"));
        (string Name, string[] Blocks)[] families =
        [
            ("d e a (today)", ["descriptors", "emotion", "arc"]),
            ("d e a + timbre", ["descriptors", "emotion", "arc", "timbre"]),
            ("d e a + notes", ["descriptors", "emotion", "arc", "notes"]),
            ("d e a + both", ["descriptors", "emotion", "arc", "timbre", "notes"]),
            ("t e a (no desc.)", ["timbre", "emotion", "arc"]),
            ("d e a + mfcc", ["descriptors", "emotion", "arc", "mfcc"]),
            ("m e a (no desc.)", ["mfcc", "emotion", "arc"]),
            ("n e a (no desc.)", ["notes", "emotion", "arc"]),
            ("d e a + melody", ["descriptors", "emotion", "arc", "melody"]),
            ("d e a + n + mel.", ["descriptors", "emotion", "arc", "notes", "melody"]),
        ];
        foreach ((string name, string[] blocks) in families)
        {
            GridChoice c = Choose(blocks, k);
            lines.Add(string.Create(C,
                $"{name,-17} {Weights(c.ChosenOnEven),-31} -> {c.OnOdd.PrecisionAtK:0.0000} {c.OnOdd.NdcgAtK:0.0000} | {Weights(c.ChosenOnOdd),-31} -> {c.OnEven.PrecisionAtK:0.0000} {c.OnEven.NdcgAtK:0.0000} | {c.HeldOut.PrecisionAtK:0.0000} {c.HeldOut.NdcgAtK:0.0000}"));
        }

        return lines;
    }

    /// <summary>
    /// The grid over <paramref name="blocks"/> (names from <see cref="BlockNames"/>; steps of 0.1 summing to 1, the arc at
    /// most 0.3): the cell with the best precision@k on the even queries, scored on the odd ones, and the other way round.
    /// Ties go to the higher nDCG, then to the first cell.
    /// </summary>
    public GridChoice Choose(IReadOnlyList<string> blocks, int k) => Choose(blocks, k, q => q % 2 == 0);

    /// <summary>As <see cref="Choose(IReadOnlyList{string}, int)"/> with the halves <paramref name="inFirstHalf"/> says (the "even" half) and the rest (the "odd" half).</summary>
    public GridChoice Choose(IReadOnlyList<string> blocks, int k, Func<int, bool> inFirstHalf)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(inFirstHalf);
        int[] indices = [.. blocks.Select(b => BlockNames.ToList().IndexOf(b) is int i and >= 0 ? i : throw new ArgumentException($"'{b}' is not a block.", nameof(blocks)))];
        List<double[]> grid = Grid(indices);
        (double[] even, RankingScores onOdd) = ChooseAndScore(grid, k, inFirstHalf, q => !inFirstHalf(q));
        (double[] odd, RankingScores onEven) = ChooseAndScore(grid, k, q => !inFirstHalf(q), inFirstHalf);
        return new GridChoice(even, onOdd, odd, onEven);
    }

    /// <summary>
    /// How often adding blocks beats today's blocks held out, over <paramref name="splits"/> random halvings of the
    /// queries (seeds 1 … splits): per family, the mean held-out precision@k (both directions of every split) and the
    /// splits where it is above, level with and below today's family on the same halves.
    /// </summary>
    public IReadOnlyList<string> RandomSplits(int splits, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(splits, 1);
        (string Name, string[] Blocks)[] families =
        [
            ("d e a (today)", ["descriptors", "emotion", "arc"]),
            ("d e a + timbre", ["descriptors", "emotion", "arc", "timbre"]),
            ("d e a + notes", ["descriptors", "emotion", "arc", "notes"]),
            ("d e a + both", ["descriptors", "emotion", "arc", "timbre", "notes"]),
            ("d e a + melody", ["descriptors", "emotion", "arc", "melody"]),
            ("d e a + n + mel.", ["descriptors", "emotion", "arc", "notes", "melody"]),
        ];
        var heldOut = new double[families.Length, splits];
        for (int s = 0; s < splits; s++)
        {
            var random = new Random(s + 1);
            HashSet<int> first = [.. Enumerable.Range(0, _n).OrderBy(_ => random.Next()).Take(_n / 2)];
            for (int f = 0; f < families.Length; f++)
            {
                heldOut[f, s] = Choose(families[f].Blocks, k, first.Contains).HeldOut.PrecisionAtK;
            }
        }

        var lines = new List<string>
        {
            string.Create(C, $"random halves: {splits} splits of the queries into two halves (seeds 1-{splits}); grid chosen on one half, precision@{k} on the other, mean of both directions"),
            string.Create(C, $"blocks            mean held-out P@{k}   vs today   splits above / level / below today"),
        };
        for (int f = 0; f < families.Length; f++)
        {
            double mean = 0, gain = 0;
            int above = 0, level = 0, below = 0;
            for (int s = 0; s < splits; s++)
            {
                double d = heldOut[f, s] - heldOut[0, s];
                mean += heldOut[f, s] / splits;
                gain += d / splits;
                _ = Math.Abs(d) < 1e-9 ? level++ : d > 0 ? above++ : below++;
            }

            lines.Add(string.Create(C, $"{families[f].Name,-17} {mean,18:0.0000}   {gain,8:+0.0000;-0.0000;0.0000}   {above} / {level} / {below}"));
        }

        return lines;
    }

    private string Row(string name, double[] w, int k)
    {
        RankingScores all = Score(w, k), even = Score(w, k, q => q % 2 == 0), odd = Score(w, k, q => q % 2 == 1);
        return string.Create(C,
            $"{name,-30} {all.PrecisionAtK,8:0.0000} {even.PrecisionAtK,6:0.0000} {odd.PrecisionAtK,6:0.0000} | {all.NdcgAtK,8:0.0000} {even.NdcgAtK,6:0.0000} {odd.NdcgAtK,6:0.0000}");
    }

    private (double[] Chosen, RankingScores HeldOut) ChooseAndScore(List<double[]> grid, int k, Func<int, bool> choose, Func<int, bool> report)
    {
        double[] best = grid[0];
        RankingScores bestScore = Score(best, k, choose);
        foreach (double[] cell in grid.Skip(1))
        {
            RankingScores s = Score(cell, k, choose);
            if (s.PrecisionAtK > bestScore.PrecisionAtK + 1e-12 || (Math.Abs(s.PrecisionAtK - bestScore.PrecisionAtK) <= 1e-12 && s.NdcgAtK > bestScore.NdcgAtK + 1e-12))
            {
                best = cell;
                bestScore = s;
            }
        }

        return (best, Score(best, k, report));
    }

    // Every weighting of the given blocks in steps of 0.1 summing to 1, with the arc (when allowed) at most 0.3.
    private static List<double[]> Grid(int[] blocks)
    {
        var cells = new List<double[]>();
        void Fill(int index, int left, int[] tenths)
        {
            if (index == blocks.Length - 1)
            {
                tenths[index] = left;
                if (blocks[index] != A || left <= 3)
                {
                    var w = new double[BlockNames.Count];
                    for (int i = 0; i < blocks.Length; i++)
                    {
                        w[blocks[i]] = tenths[i] / 10.0;
                    }

                    cells.Add(w);
                }

                return;
            }

            for (int t = 0; t <= (blocks[index] == A ? Math.Min(3, left) : left); t++)
            {
                tenths[index] = t;
                Fill(index + 1, left - t, tenths);
            }
        }

        Fill(0, 10, new int[blocks.Length]);
        return cells;
    }

    private static string Weights(IReadOnlyList<double> w) => string.Join(' ', w.Select(x => x.ToString("0.0", C)));

    // The timbre block is [band means, MFCC means, band spreads, MFCC spreads].
    private static float[] MfccPart(float[] timbre)
    {
        if (timbre.Length == 0)
        {
            return [];
        }

        int half = timbre.Length / 2, bands = half - CandidateBlockObserver.MfccCount;
        return [.. timbre.AsSpan(bands, CandidateBlockObserver.MfccCount), .. timbre.AsSpan(half + bands, CandidateBlockObserver.MfccCount)];
    }

    private static float[][] Standardised(float[][] values)
    {
        int width = values.Min(v => v.Length);
        if (width == 0)
        {
            return [.. values.Select(_ => Array.Empty<float>())];
        }

        var result = new float[values.Length][];
        var mean = new double[width];
        var sd = new double[width];
        foreach (float[] v in values)
        {
            for (int i = 0; i < width; i++)
            {
                mean[i] += v[i] / (double)values.Length;
            }
        }

        foreach (float[] v in values)
        {
            for (int i = 0; i < width; i++)
            {
                sd[i] += (v[i] - mean[i]) * (v[i] - mean[i]) / values.Length;
            }
        }

        for (int t = 0; t < values.Length; t++)
        {
            var z = new float[width];
            for (int i = 0; i < width; i++)
            {
                z[i] = (float)((values[t][i] - mean[i]) / Math.Max(Math.Sqrt(sd[i]), 1e-6));
            }

            float norm = TensorPrimitives.Norm(z);
            if (norm > 0)
            {
                TensorPrimitives.Divide(z, norm, z);
            }

            result[t] = z;
        }

        return result;
    }
}

/// <summary>What a weight grid chose on each half and how it scored on the other.</summary>
/// <param name="ChosenOnEven">Weights (in <see cref="CandidateBlockEvaluation.BlockNames"/> order) chosen on the even queries.</param>
/// <param name="OnOdd">Their scores on the odd queries.</param>
/// <param name="ChosenOnOdd">Weights chosen on the odd queries.</param>
/// <param name="OnEven">Their scores on the even queries.</param>
internal sealed record GridChoice(IReadOnlyList<double> ChosenOnEven, RankingScores OnOdd, IReadOnlyList<double> ChosenOnOdd, RankingScores OnEven)
{
    /// <summary>The mean of the two held-out scores.</summary>
    public RankingScores HeldOut => new((OnOdd.PrecisionAtK + OnEven.PrecisionAtK) / 2, (OnOdd.NdcgAtK + OnEven.NdcgAtK) / 2);
}
