using System.Numerics.Tensors;
using MusicEmotion.Recommend.Search;

namespace MusicEmotion.Recommend.Hnsw.Tests;

public sealed class HnswVectorIndexTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Unit vectors in clusters, like track vectors (random isotropic vectors would be an unrealistically hard case); queries must come from the same draw.</summary>
    private static float[] Vectors(int count, int dimension, int seed)
    {
        var random = new Random(seed);
        int clusters = Math.Max(4, count / 200);
        float[] centres = new float[clusters * dimension];
        for (int i = 0; i < centres.Length; i++)
        {
            centres[i] = (float)Gaussian(random);
        }

        var vectors = new float[count * dimension];
        for (int v = 0; v < count; v++)
        {
            Span<float> row = vectors.AsSpan(v * dimension, dimension);
            int c = random.Next(clusters);
            for (int d = 0; d < dimension; d++)
            {
                row[d] = centres[(c * dimension) + d] + (float)(0.5 * Gaussian(random));
            }

            TensorPrimitives.Divide(row, TensorPrimitives.Norm(row), row);
        }

        return vectors;
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static (HnswVectorIndex Hnsw, ExactVectorIndex Exact) Build(float[] vectors, int dimension, HnswIndexOptions? options = null)
    {
        int count = vectors.Length / dimension;
        var hnsw = new HnswVectorIndex(dimension, options);
        hnsw.AddRange(Enumerable.Range(0, count).Select(i => (long)i).ToArray(), vectors, degreeOfParallelism: 2);
        var exact = new ExactVectorIndex(dimension);
        for (int i = 0; i < count; i++)
        {
            exact.Add(i, vectors.AsSpan(i * dimension, dimension));
        }

        return (hnsw, exact);
    }

    private static double Recall(IVectorIndex approximate, ExactVectorIndex exact, float[] queries, int dimension, int k, Func<long, bool>? accept = null)
    {
        int hits = 0, total = 0;
        var a = new VectorMatch[k];
        var e = new VectorMatch[k];
        for (int q = 0; q < queries.Length / dimension; q++)
        {
            ReadOnlySpan<float> query = queries.AsSpan(q * dimension, dimension);
            int found = approximate.Search(query, a, accept);
            int expected = exact.Search(query, e, accept);
            var truth = e.Take(expected).Select(m => m.Key).ToHashSet();
            hits += a.Take(found).Count(m => truth.Contains(m.Key));
            total += expected;
        }

        return (double)hits / total;
    }

    [Fact]
    public void Finds_what_exact_search_finds_with_the_same_scores()
    {
        const int dimension = 131, k = 10;
        float[] all = Vectors(10_200, dimension, 1);
        (HnswVectorIndex hnsw, ExactVectorIndex exact) = Build(all[..(10_000 * dimension)], dimension);
        using (hnsw)
        using (exact)
        {
            float[] queries = all[(10_000 * dimension)..]; // held out, from the same distribution

            Recall(hnsw, exact, queries, dimension, k).Should().BeGreaterThanOrEqualTo(0.95);
            var results = new VectorMatch[k];
            hnsw.Search(queries.AsSpan(0, dimension), results).Should().Be(k);
            results.Select(r => r.Score).Should().BeInDescendingOrder();
            var vector = new float[dimension];
            hnsw.TryGetVector(results[0].Key, vector).Should().BeTrue();
            results[0].Score.Should().BeApproximately(TensorPrimitives.Dot(vector, queries.AsSpan(0, dimension)), 1e-5f);
            hnsw.Count.Should().Be(10_000);
            hnsw.Kind.Should().Be("hnsw");
            hnsw.MemoryUsageBytes.Should().BeGreaterThan(10_000L * dimension * sizeof(float));
        }
    }

    [Fact]
    public void The_filter_is_respected_and_widens_the_search_when_it_rejects_most_candidates()
    {
        const int dimension = 32, k = 10;
        float[] all = Vectors(5_050, dimension, 3);
        (HnswVectorIndex hnsw, ExactVectorIndex exact) = Build(all[..(5_000 * dimension)], dimension);
        using (hnsw)
        using (exact)
        {
            float[] queries = all[(5_000 * dimension)..];
            static bool OneInFifty(long key) => key % 50 == 7;

            var results = new VectorMatch[k];
            int found = hnsw.Search(queries.AsSpan(0, dimension), results, OneInFifty);

            found.Should().Be(k);
            results.Take(found).Should().OnlyContain(r => r.Key % 50 == 7);
            Recall(hnsw, exact, queries, dimension, k, OneInFifty).Should().BeGreaterThanOrEqualTo(0.9);
            FluentActions.Invoking(() => hnsw.Search(queries.AsSpan(0, dimension), results, _ => throw new InvalidOperationException("filter broke")))
                .Should().Throw<InvalidOperationException>().WithMessage("filter broke");
        }
    }

    [Fact]
    public void Add_replace_remove_and_get_behave_like_the_exact_index()
    {
        using var index = new HnswVectorIndex(3);
        index.Add(1, [1, 0, 0]);
        index.Add(2, [0, 1, 0]);
        index.Add(3, [0, 0, 1]);
        index.Add(2, [0, 0.5f, 0]);

        index.Remove(1).Should().BeTrue();
        index.Remove(1).Should().BeFalse();

        index.Count.Should().Be(2);
        var vector = new float[3];
        index.TryGetVector(2, vector).Should().BeTrue();
        vector.Should().Equal(0, 0.5f, 0);
        index.TryGetVector(1, vector).Should().BeFalse();
        var results = new VectorMatch[3];
        index.Search([1, 1, 1], results).Should().Be(2);
        results[0].Should().Be(new VectorMatch(3, 1));
        results[1].Key.Should().Be(2);
        results[1].Score.Should().BeApproximately(0.5f, 1e-6f);
        FluentActions.Invoking(() => index.Add(4, [1, 2])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => index.Add(4, [1, float.NaN, 0])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => index.Add(-1, [1, 0, 0])).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => index.Search([1, 2], results)).Should().Throw<ArgumentException>();
        index.Count.Should().Be(2);
        new HnswVectorIndex(4).Search([1, 0, 0, 0], new VectorMatch[5]).Should().Be(0);
    }

    [Fact]
    public void A_saved_index_loads_and_views_with_the_same_answers_and_a_view_is_read_only()
    {
        const int dimension = 24;
        float[] vectors = Vectors(3_000, dimension, 5);
        (HnswVectorIndex built, ExactVectorIndex exact) = Build(vectors, dimension);
        string path = _dir.File("tracks.usearch");
        var expected = new VectorMatch[10];
        using (exact)
        using (built)
        {
            built.Save(path);
            built.Search(vectors.AsSpan(0, dimension), expected);
        }

        using HnswVectorIndex loaded = HnswVectorIndex.Load(path, expectedDimension: dimension);
        using HnswVectorIndex viewed = HnswVectorIndex.View(path);
        foreach (HnswVectorIndex index in new[] { loaded, viewed })
        {
            var results = new VectorMatch[10];
            index.Search(vectors.AsSpan(0, dimension), results).Should().Be(10);
            results.Should().Equal(expected);
            index.Count.Should().Be(3_000);
            index.Dimension.Should().Be(dimension);
        }

        loaded.Add(5_000, vectors.AsSpan(0, dimension));
        loaded.Count.Should().Be(3_001);
        viewed.IsReadOnly.Should().BeTrue();
        FluentActions.Invoking(() => viewed.Add(5_000, vectors.AsSpan(0, dimension))).Should().Throw<HnswIndexException>().WithMessage("*read-only*");
        FluentActions.Invoking(() => viewed.Remove(1)).Should().Throw<HnswIndexException>();
        viewed.ExpansionSearch = 256;
        viewed.ExpansionSearch.Should().Be(256);
        Directory.GetFiles(_dir.Path).Should().ContainSingle("the save went through a temporary file that was renamed");
    }

    [Fact]
    public void Files_that_are_not_indexes_or_of_another_dimension_are_refused()
    {
        string garbage = _dir.Write("garbage.usearch", Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251)).ToArray());
        string path = _dir.File("small.usearch");
        using (var index = new HnswVectorIndex(8))
        {
            index.Add(1, [1, 0, 0, 0, 0, 0, 0, 0]);
            index.Save(path);
        }

        FluentActions.Invoking(() => HnswVectorIndex.Load(_dir.File("missing.usearch"))).Should().Throw<HnswIndexException>().WithMessage("*no such index file*");
        FluentActions.Invoking(() => HnswVectorIndex.Load(garbage)).Should().Throw<HnswIndexException>();
        FluentActions.Invoking(() => HnswVectorIndex.View(path, expectedDimension: 131)).Should().Throw<HnswIndexException>().WithMessage("*8 values, not 131*");
        FluentActions.Invoking(() => new HnswVectorIndex(8, new HnswIndexOptions { Connectivity = 1 })).Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Searches_run_concurrently_with_additions()
    {
        const int dimension = 16;
        float[] vectors = Vectors(4_000, dimension, 6);
        using var index = new HnswVectorIndex(dimension, new HnswIndexOptions { Threads = 4 });
        index.AddRange(Enumerable.Range(0, 2_000).Select(i => (long)i).ToArray(), vectors.AsMemory(0, 2_000 * dimension));

        Task writer = Task.Run(() =>
        {
            for (int i = 2_000; i < 4_000; i++)
            {
                index.Add(i, vectors.AsSpan(i * dimension, dimension));
            }
        });
        Task[] readers = Enumerable.Range(0, 6).Select(r => Task.Run(() =>
        {
            var results = new VectorMatch[5];
            for (int q = 0; q < 300; q++)
            {
                index.Search(vectors.AsSpan(((q * 7) + r) % 2_000 * dimension, dimension), results).Should().Be(5);
            }
        })).ToArray();
        await Task.WhenAll([writer, .. readers]);

        index.Count.Should().Be(4_000);
    }
}
