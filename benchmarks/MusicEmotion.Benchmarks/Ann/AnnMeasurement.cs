using System.Diagnostics;
using System.Globalization;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Hnsw;
using MusicEmotion.Recommend.Search;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Benchmarks.Ann;

/// <summary>
/// A measured run (not BenchmarkDotNet: one build of a million-vector index takes minutes): builds an
/// <see cref="HnswVectorIndex"/> over synthetic track vectors (see <see cref="SyntheticTrackVectors"/>) or over a
/// catalog's real vectors, and reports build time, memory, file size, save/load/view times, and for each ef the
/// recall@10 against exact search and the query latency p50/p99 on one thread, beside exact search's latency.
/// </summary>
/// <example>
/// <code>
/// dotnet run -c Release --project benchmarks/MusicEmotion.Benchmarks -- ann --catalog real.db --count 1000000 --dimension 131
/// dotnet run -c Release --project benchmarks/MusicEmotion.Benchmarks -- ann --catalog real.db --real
/// </code>
/// </example>
internal static class AnnMeasurement
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static async Task RunAsync(string[] args)
    {
        string catalogPath = Option(args, "--catalog") ?? throw new ArgumentException("--catalog <SQLite catalog of real tracks> is required (build one with: ./mer catalog add ../shared/data/4q/audio --db real.db)");
        bool real = args.Contains("--real");
        int count = int.Parse(Option(args, "--count") ?? "1000000", C);
        int queries = int.Parse(Option(args, "--queries") ?? "1000", C);
        int dimension = int.Parse(Option(args, "--dimension") ?? "131", C);
        int threads = int.Parse(Option(args, "--threads") ?? "2", C);
        int[] efs = (Option(args, "--ef") ?? "16,32,64,128,256").Split(',').Select(s => int.Parse(s, C)).ToArray();
        var options = new HnswIndexOptions
        {
            Connectivity = int.Parse(Option(args, "--m") ?? "16", C),
            ExpansionAdd = int.Parse(Option(args, "--ef-add") ?? "128", C),
            ExpansionSearch = efs[0],
        };
        string? savePath = Option(args, "--save");
        BlockWeights weights = dimension switch
        {
            131 => new BlockWeights(0.5, 0.3, 0.2),
            67 => BlockWeights.Default,
            _ => throw new ArgumentException("--dimension is 131 (all three blocks: weights 0.5/0.3/0.2) or 67 (the default weights 0.6/0.4/0: no arc)"),
        };

        List<TrackVectorBlocks> realBlocks = await ReadBlocksAsync(catalogPath);
        var statisticsBuilder = new CatalogStatisticsBuilder("bench", "1", TrackVectorOptions.DefaultArcLength);
        realBlocks.ForEach(statisticsBuilder.Add);
        var space = new TrackVectorSpace(statisticsBuilder.Build(), weights);
        Console.WriteLine($"# {realBlocks.Count} real tracks from {catalogPath}; space of {space.Dimension} values (weights {weights.Descriptors}/{weights.EmotionStatistics}/{weights.EmotionArc})");
        Console.WriteLine($"# machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");

        var random = new Random(20260101);
        float[] vectors, queryVectors;
        if (real)
        {
            // Real vectors: every track is a query against all the others (leave-one-out: the query itself is filtered out).
            count = realBlocks.Count;
            vectors = new float[count * space.Dimension];
            for (int i = 0; i < count; i++)
            {
                space.Embed(realBlocks[i], vectors.AsSpan(i * space.Dimension, space.Dimension));
            }

            queries = count;
            queryVectors = vectors;
        }
        else
        {
            var synthetic = new SyntheticTrackVectors(realBlocks);
            var clock = Stopwatch.StartNew();
            vectors = new float[(long)count * space.Dimension <= int.MaxValue ? count * space.Dimension : throw new ArgumentException("too many values")];
            for (int i = 0; i < count; i++)
            {
                space.Embed(synthetic.Next(random), vectors.AsSpan(i * space.Dimension, space.Dimension));
            }

            queryVectors = new float[queries * space.Dimension];
            for (int i = 0; i < queries; i++)
            {
                space.Embed(synthetic.Next(random), queryVectors.AsSpan(i * space.Dimension, space.Dimension));
            }

            Console.WriteLine($"# {count:N0} synthetic vectors + {queries} held-out queries generated in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        int d = space.Dimension;
        Func<int, Func<long, bool>?> filterFor = real ? q => key => key != q : _ => null;
        long before = Resident();
        var build = Stopwatch.StartNew();
        var hnsw = new HnswVectorIndex(d, options);
        hnsw.AddRange(Enumerable.Range(0, count).Select(i => (long)i).ToArray(), vectors, threads);
        build.Stop();
        long after = Resident();
        Console.WriteLine($"# built M={options.Connectivity} ef_add={options.ExpansionAdd} in {build.Elapsed.TotalSeconds:0.0} s on {threads} threads ({count / build.Elapsed.TotalSeconds:0} vectors/s); index memory {hnsw.MemoryUsageBytes / 1048576.0:0} MiB (USearch), resident set +{(after - before) / 1048576.0:0} MiB");

        using var exact = new ExactVectorIndex(d);
        for (int i = 0; i < count; i++)
        {
            exact.Add(i, vectors.AsSpan(i * d, d));
        }

        const int k = 10;
        var truth = new long[queries][];
        var truthClock = Stopwatch.StartNew();
        Parallel.For(0, queries, new ParallelOptions { MaxDegreeOfParallelism = threads }, q =>
        {
            var results = new VectorMatch[k];
            int n = exact.Search(queryVectors.AsSpan(q * d, d), results, filterFor(q));
            truth[q] = results.Take(n).Select(r => r.Key).ToArray();
        });
        Console.WriteLine($"# exact ground truth for {queries} queries in {truthClock.Elapsed.TotalSeconds:0.0} s on {threads} threads");
        double[] exactTimes = Time(exact, queryVectors, d, Math.Min(queries, 200), k, filterFor, out _);

        Console.WriteLine();
        Console.WriteLine($"| Search | ef | recall@10 | p50 (ms) | p99 (ms) | mean (ms) |");
        Console.WriteLine($"|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(C, $"| exact (SIMD scan, {Math.Min(queries, 200)} queries) | – | 1.000 | {Percentile(exactTimes, 0.5):0.00} | {Percentile(exactTimes, 0.99):0.00} | {exactTimes.Average():0.00} |"));
        foreach (int ef in efs)
        {
            hnsw.ExpansionSearch = ef;
            double[] times = Time(hnsw, queryVectors, d, queries, k, filterFor, out long[][] found);
            Console.WriteLine(string.Create(C, $"| HNSW M={options.Connectivity} | {ef} | {Recall(found, truth):0.000} | {Percentile(times, 0.5):0.000} | {Percentile(times, 0.99):0.000} | {times.Average():0.000} |"));
        }

        if (savePath is not null)
        {
            var save = Stopwatch.StartNew();
            hnsw.Save(savePath);
            save.Stop();
            int chosen = efs.Length > 2 ? efs[^2] : efs[^1];
            hnsw.Dispose();
            var load = Stopwatch.StartNew();
            using (HnswVectorIndex loaded = HnswVectorIndex.Load(savePath, new HnswIndexOptions { ExpansionSearch = chosen }))
            {
                load.Stop();
            }

            var view = Stopwatch.StartNew();
            using HnswVectorIndex viewed = HnswVectorIndex.View(savePath, new HnswIndexOptions { ExpansionSearch = chosen });
            view.Stop();
            double[] times = Time(viewed, queryVectors, d, queries, k, filterFor, out long[][] found);
            Console.WriteLine(string.Create(C, $"| HNSW memory-mapped view | {chosen} | {Recall(found, truth):0.000} | {Percentile(times, 0.5):0.000} | {Percentile(times, 0.99):0.000} | {times.Average():0.000} |"));
            Console.WriteLine();
            Console.WriteLine(string.Create(C, $"# file {new FileInfo(savePath).Length / 1048576.0:0} MiB: save {save.Elapsed.TotalSeconds:0.00} s, load {load.Elapsed.TotalSeconds:0.00} s, view {view.Elapsed.TotalMilliseconds:0} ms (view memory {viewed.MemoryUsageBytes / 1048576.0:0} MiB outside the mapped file)"));
        }
        else
        {
            hnsw.Dispose();
        }

        Console.WriteLine($"# load average at the end {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static double[] Time(IVectorIndex index, float[] queries, int d, int count, int k, Func<int, Func<long, bool>?> filterFor, out long[][] found)
    {
        var results = new VectorMatch[k];
        for (int q = 0; q < Math.Min(count, 50); q++)
        {
            index.Search(queries.AsSpan(q * d, d), results, filterFor(q)); // warm-up
        }

        var times = new double[count];
        found = new long[count][];
        for (int q = 0; q < count; q++)
        {
            Func<long, bool>? filter = filterFor(q);
            long start = Stopwatch.GetTimestamp();
            int n = index.Search(queries.AsSpan(q * d, d), results, filter);
            times[q] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            found[q] = results.Take(n).Select(r => r.Key).ToArray();
        }

        return times;
    }

    private static double Recall(long[][] found, long[][] truth)
    {
        long hits = 0, total = 0;
        for (int q = 0; q < found.Length; q++)
        {
            var expected = truth[q].ToHashSet();
            hits += found[q].Count(expected.Contains);
            total += expected.Count;
        }

        return (double)hits / total;
    }

    private static double Percentile(double[] values, double p)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static long Resident()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    private static async Task<List<TrackVectorBlocks>> ReadBlocksAsync(string path)
    {
        using SqliteTrackCatalog catalog = SqliteTrackCatalog.Open(path);
        var blocks = new List<TrackVectorBlocks>();
        await foreach (TrackRecord track in catalog.ReadAllAsync())
        {
            blocks.Add(track.BlocksWithArcLength(TrackVectorOptions.DefaultArcLength));
        }

        return blocks.Count >= 50 ? blocks : throw new ArgumentException($"{path} holds {blocks.Count} tracks; at least 50 real tracks are needed");
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
