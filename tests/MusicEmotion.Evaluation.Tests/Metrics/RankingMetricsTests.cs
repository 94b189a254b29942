using MusicEmotion.Evaluation.Metrics;

namespace MusicEmotion.Evaluation.Tests;

public sealed class RankingMetricsTests
{
    private static readonly string[] Ranked = ["a", "b", "c", "d", "e"];
    private static readonly HashSet<string> Relevant = ["a", "c", "f"];

    [Fact]
    public void Precision_recall_and_hit_rate_match_hand_computed_values()
    {
        RankingMetrics.PrecisionAtK(Ranked, Relevant, 3).Should().BeApproximately(2.0 / 3, 1e-12);
        RankingMetrics.PrecisionAtK(Ranked, Relevant, 5).Should().BeApproximately(2.0 / 5, 1e-12);
        RankingMetrics.PrecisionAtK(Ranked, Relevant, 10).Should().BeApproximately(2.0 / 10, 1e-12, "a short list is padded with misses");
        RankingMetrics.RecallAtK(Ranked, Relevant, 1).Should().BeApproximately(1.0 / 3, 1e-12);
        RankingMetrics.RecallAtK(Ranked, Relevant, 5).Should().BeApproximately(2.0 / 3, 1e-12);
        RankingMetrics.HitRateAtK(Ranked, Relevant, 1).Should().Be(1);
        RankingMetrics.HitRateAtK(["b", "d"], Relevant, 2).Should().Be(0);
    }

    [Fact]
    public void Average_precision_divides_by_min_of_relevant_and_k()
    {
        // Hits at ranks 1 and 3: (1/1 + 2/3) / min(3, 3).
        RankingMetrics.AveragePrecisionAtK(Ranked, Relevant, 3).Should().BeApproximately((1 + (2.0 / 3)) / 3, 1e-12);
        // k = 2: only rank 1 hits: (1/1) / min(3, 2).
        RankingMetrics.AveragePrecisionAtK(Ranked, Relevant, 2).Should().BeApproximately(0.5, 1e-12);
        RankingMetrics.AveragePrecisionAtK(["a", "c"], new HashSet<string> { "a", "c" }, 10).Should().Be(1);
        RankingMetrics.AveragePrecisionAtK(Ranked, new HashSet<string>(), 3).Should().Be(0);
    }

    [Fact]
    public void Binary_ndcg_matches_hand_computed_value()
    {
        // DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3) + 1/log2(4).
        double expected = 1.5 / (1 + (1 / Math.Log2(3)) + 0.5);
        RankingMetrics.NdcgAtK(Ranked, Relevant, 3).Should().BeApproximately(expected, 1e-12);
        RankingMetrics.NdcgAtK(["a", "c", "f"], Relevant, 3).Should().BeApproximately(1, 1e-12);
        RankingMetrics.NdcgAtK(["x", "y"], Relevant, 3).Should().Be(0);
    }

    [Fact]
    public void Graded_ndcg_uses_linear_gains_and_the_ideal_order()
    {
        var gains = new Dictionary<string, double> { ["a"] = 3, ["b"] = 2, ["c"] = 1 };
        // Ranking c, b, a: DCG = 1/1 + 2/log2(3) + 3/2; ideal a, b, c: 3 + 2/log2(3) + 1/2.
        double dcg = 1 + (2 / Math.Log2(3)) + 1.5, ideal = 3 + (2 / Math.Log2(3)) + 0.5;
        RankingMetrics.NdcgAtK(["c", "b", "a"], gains, 3).Should().BeApproximately(dcg / ideal, 1e-12);
        FluentActions.Invoking(() => RankingMetrics.NdcgAtK(["a"], new Dictionary<string, double> { ["a"] = -1 }, 1)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Duplicates_in_a_ranking_count_once()
    {
        RankingMetrics.PrecisionAtK(["a", "a", "a"], Relevant, 3).Should().BeApproximately(1.0 / 3, 1e-12);
        RankingMetrics.NdcgAtK(["a", "a"], new HashSet<string> { "a" }, 2).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Random_ranking_expectations_match_a_simulation()
    {
        const int n = 50, r = 5, k = 10;
        var random = new Random(7);
        var relevant = Enumerable.Range(0, r).ToHashSet();
        double precision = 0, ndcg = 0;
        const int trials = 20000;
        for (int t = 0; t < trials; t++)
        {
            int[] ranking = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
            precision += RankingMetrics.PrecisionAtK(ranking, relevant, k);
            ndcg += RankingMetrics.NdcgAtK(ranking, relevant, k);
        }

        RankingMetrics.RandomPrecisionAtK(n, r, k).Should().BeApproximately(precision / trials, 0.005);
        RankingMetrics.RandomNdcgAtK(n, r, k).Should().BeApproximately(ndcg / trials, 0.005);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        FluentActions.Invoking(() => RankingMetrics.PrecisionAtK(Ranked, Relevant, 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => RankingMetrics.RandomPrecisionAtK(5, 6, 1)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
