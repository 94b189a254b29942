using MusicEmotion.Recommend.Search;

namespace MusicEmotion.Recommend.Tests.Search;

public sealed class ExactVectorIndexTests
{
    [Fact]
    public void Search_returns_the_true_top_k_best_first_across_chunks()
    {
        const int n = 40_000, dimension = 24, k = 15;
        var random = new Random(3);
        float[][] vectors = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, dimension).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray()).ToArray();
        float[] query = Enumerable.Range(0, dimension).Select(_ => (float)random.NextDouble()).ToArray();
        using var index = new ExactVectorIndex(dimension);
        for (int i = 0; i < n; i++)
        {
            index.Add(1000 + i, vectors[i]);
        }

        var results = new VectorMatch[k];
        int found = index.Search(query, results);

        long[] expected = Enumerable.Range(0, n)
            .Select(i => (Key: 1000L + i, Score: vectors[i].Zip(query, (a, b) => (double)a * b).Sum()))
            .OrderByDescending(p => p.Score).Take(k).Select(p => p.Key).ToArray();
        found.Should().Be(k);
        results.Select(r => r.Key).Should().Equal(expected);
        results.Select(r => r.Score).Should().BeInDescendingOrder();
        index.Count.Should().Be(n);
    }

    [Fact]
    public void The_filter_is_respected_and_fewer_results_come_back_when_few_pass()
    {
        using var index = new ExactVectorIndex(2);
        for (int i = 0; i < 10; i++)
        {
            index.Add(i, [i, 1]);
        }

        var results = new VectorMatch[5];
        int found = index.Search([1, 0], results, key => key % 3 == 0);

        found.Should().Be(4);
        results.Take(found).Select(r => r.Key).Should().Equal(9, 6, 3, 0);
    }

    [Fact]
    public void Remove_and_replace_keep_keys_and_vectors_consistent()
    {
        using var index = new ExactVectorIndex(3);
        index.Add(1, [1, 0, 0]);
        index.Add(2, [0, 1, 0]);
        index.Add(3, [0, 0, 1]);
        index.Add(2, [0, 2, 0]);

        index.Remove(1).Should().BeTrue();
        index.Remove(1).Should().BeFalse();

        index.Count.Should().Be(2);
        var vector = new float[3];
        index.TryGetVector(3, vector).Should().BeTrue();
        vector.Should().Equal(0, 0, 1);
        index.TryGetVector(2, vector).Should().BeTrue();
        vector.Should().Equal(0, 2, 0);
        index.TryGetVector(1, vector).Should().BeFalse();
        var results = new VectorMatch[3];
        index.Search([1, 1, 1], results).Should().Be(2);
        results[0].Should().Be(new VectorMatch(2, 2));
    }

    [Fact]
    public void Bad_vectors_are_refused()
    {
        using var index = new ExactVectorIndex(3);
        FluentActions.Invoking(() => index.Add(1, [1, 2])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => index.Add(1, [1, float.NaN, 0])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => index.Search([1, 2], new VectorMatch[1])).Should().Throw<ArgumentException>();
        index.Count.Should().Be(0);
        index.Search([1, 2, 3], new VectorMatch[4]).Should().Be(0);
    }
}
