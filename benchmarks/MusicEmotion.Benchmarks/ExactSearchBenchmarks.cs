using BenchmarkDotNet.Attributes;
using MusicEmotion.Recommend.Search;

namespace MusicEmotion.Benchmarks;

/// <summary>
/// Exact top-10 search (dot products with every vector, System.Numerics.Tensors) over catalogs of unit vectors of 128
/// values, on one thread; the bar is 1,000,000 tracks in at most 50 ms.
/// </summary>
[MemoryDiagnoser]
public class ExactSearchBenchmarks
{
    private const int Dimension = 128;
    private ExactVectorIndex _index = null!;
    private float[][] _queries = [];
    private readonly VectorMatch[] _results = new VectorMatch[10];
    private int _next;

    /// <summary>Vectors in the index.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Tracks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _index = new ExactVectorIndex(Dimension);
        var vector = new float[Dimension];
        for (int i = 0; i < Tracks; i++)
        {
            Fill(random, vector);
            _index.Add(i, vector);
        }

        _queries = Enumerable.Range(0, 64).Select(_ =>
        {
            var q = new float[Dimension];
            Fill(random, q);
            return q;
        }).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    [Benchmark(Description = "exact top-10, 128 dimensions")]
    public int TopTen() => _index.Search(_queries[_next++ & 63], _results);

    private static void Fill(Random random, float[] vector)
    {
        double norm = 0;
        for (int d = 0; d < vector.Length; d++)
        {
            vector[d] = (float)((random.NextDouble() * 2) - 1);
            norm += vector[d] * vector[d];
        }

        for (int d = 0; d < vector.Length; d++)
        {
            vector[d] /= (float)Math.Sqrt(norm);
        }
    }
}
