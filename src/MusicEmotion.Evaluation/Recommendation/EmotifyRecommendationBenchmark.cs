using MusicEmotion.Evaluation.Datasets;
using MusicEmotion.Evaluation.ModelEvaluation;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Evaluation.Metrics;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Evaluation.Recommendation;

/// <summary>
/// Does emotion make "more like this" better? On an Emotify-layout folder every track is a query; its relevant set is
/// the 10 % of the other tracks whose human induced-emotion profiles (mean GEMS-9 votes) are most similar by cosine,
/// and the recommender ranks the others with several block weightings. The emotion model never saw these labels.
/// </summary>
internal sealed class EmotifyRecommendationBenchmark
{
    private readonly IReadOnlyList<EmotifyTrack> _tracks;
    private readonly InMemoryTrackCatalog _catalog;
    private readonly string[] _ids;
    private readonly HashSet<string>[] _relevant;
    private readonly string _modelName;
    private readonly string _modelVersion;

    private EmotifyRecommendationBenchmark(IReadOnlyList<EmotifyTrack> tracks, InMemoryTrackCatalog catalog, string[] ids, string modelName, string modelVersion)
    {
        _tracks = tracks;
        _catalog = catalog;
        _ids = ids;
        _modelName = modelName;
        _modelVersion = modelVersion;
        RelevantCount = RelevantCountFor(tracks.Count);
        _relevant = Enumerable.Range(0, tracks.Count).Select(RelevantTo).ToArray();
    }

    /// <summary>Tracks in the benchmark.</summary>
    public int Count => _ids.Length;

    /// <summary>Whether every track has a melody block (a note-aware model analysed them).</summary>
    public bool HasMelody { get; private init; }

    /// <summary>The shipped default weights for these tracks: <see cref="BlockWeights.DefaultWithMelody"/> when they have a melody block, else <see cref="BlockWeights.Default"/>.</summary>
    public BlockWeights DefaultWeights => HasMelody ? BlockWeights.DefaultWithMelody : BlockWeights.Default;

    /// <summary>Relevant tracks per query.</summary>
    public int RelevantCount { get; }

    /// <summary>Tracks that could not be analysed and were left out, with the reason.</summary>
    public IReadOnlyList<SkippedClip> Skipped { get; private init; } = [];

    /// <summary>
    /// Loads the folder and analyses every track into <paramref name="cache"/> (tracks already there are not decoded
    /// again), then keeps the folder's tracks in memory for the benchmark.
    /// </summary>
    /// <exception cref="DatasetFormatException">The folder is not in the Emotify layout or fewer than 2 tracks could be analysed.</exception>
    public static async Task<EmotifyRecommendationBenchmark> PrepareAsync(string folder, TrackAnalyzer analyzer, ITrackCatalog cache, int concurrency,
        IProgress<TrackImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(cache);
        IReadOnlyList<EmotifyTrack> all = EmotifyDataset.Load(folder);
        var importer = new TrackImporter(analyzer, cache);
        var idByIndex = new string?[all.Count];
        var skipped = new List<SkippedClip>();
        await foreach (TrackImportResult result in importer.ImportManyAsync(all.Select(t => t.AudioPath), concurrency, progress, cancellationToken).ConfigureAwait(false))
        {
            if (result.Status == TrackImportStatus.Failed)
            {
                skipped.Add(new SkippedClip(all[result.Index].Id, result.Error ?? "could not be analysed"));
            }
            else
            {
                idByIndex[result.Index] = result.TrackId;
            }
        }

        var memory = new InMemoryTrackCatalog();
        var tracks = new List<EmotifyTrack>();
        var ids = new List<string>();
        for (int i = 0; i < all.Count; i++)
        {
            if (idByIndex[i] is not { } id)
            {
                continue;
            }

            TrackRecord? record = await cache.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (record is null || !record.IsFromModel(analyzer.ModelName, analyzer.ModelVersion))
            {
                skipped.Add(new SkippedClip(all[i].Id, record is null ? "missing from the catalog" : $"analysed by {record.ModelName} {record.ModelVersion}, not the current model"));
                continue;
            }

            if (await memory.AddAsync(record with { SourceName = all[i].Id }, cancellationToken).ConfigureAwait(false))
            {
                tracks.Add(all[i]);
                ids.Add(id);
            }
            else
            {
                skipped.Add(new SkippedClip(all[i].Id, "has the same audio as another track"));
            }
        }

        if (tracks.Count < 2)
        {
            throw new DatasetFormatException(folder, $"only {tracks.Count} track(s) could be analysed; the benchmark needs at least 2");
        }

        bool melody = true;
        await foreach (TrackRecord record in memory.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            melody &= record.Blocks.Melody is not null;
        }

        return new EmotifyRecommendationBenchmark(tracks, memory, ids.ToArray(), analyzer.ModelName, analyzer.ModelVersion) { Skipped = skipped, HasMelody = melody };
    }

    /// <summary>Runs every condition of the report; the combined condition with <paramref name="combined"/> (default: <see cref="DefaultWeights"/>).</summary>
    public async Task<EmotifyRecommendationReport> RunAsync(int k, BlockWeights? combined = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        combined ??= DefaultWeights;
        int candidates = Count - 1;
        var random = new RankingScores(
            RankingMetrics.RandomPrecisionAtK(candidates, RelevantCount, k),
            RankingMetrics.RandomNdcgAtK(candidates, RelevantCount, k));
        return new EmotifyRecommendationReport(
            k,
            Count,
            RelevantCount,
            random,
            await ScoreAsync(BlockWeights.DescriptorsOnly, k, null, cancellationToken).ConfigureAwait(false),
            await ScoreAsync(BlockWeights.EmotionStatisticsOnly, k, null, cancellationToken).ConfigureAwait(false),
            await ScoreAsync(BlockWeights.EmotionArcOnly, k, null, cancellationToken).ConfigureAwait(false),
            await ScoreAsync(combined, k, null, cancellationToken).ConfigureAwait(false),
            combined.ToString())
        {
            Melody = HasMelody ? await ScoreAsync(new BlockWeights(0, 0, 0, 1), k, null, cancellationToken).ConfigureAwait(false) : null,
        };
    }

    /// <summary>Mean precision@k and nDCG@k of the recommender with <paramref name="weights"/> over the queries <paramref name="queries"/> selects (all when null).</summary>
    public async Task<RankingScores> ScoreAsync(BlockWeights weights, int k, Func<int, bool>? queries = null, CancellationToken cancellationToken = default)
    {
        using var recommender = new Recommender(_catalog, _modelName, _modelVersion, new RecommenderOptions { Weights = weights, StatisticsRefreshFraction = 0 });
        double precision = 0, ndcg = 0;
        int n = 0;
        for (int q = 0; q < _ids.Length; q++)
        {
            if (queries is not null && !queries(q))
            {
                continue;
            }

            RecommendationResult result = await recommender.SimilarAsync(_ids[q], k, SimilarityKind.Combined, cancellationToken).ConfigureAwait(false);
            string[] ranked = result.Items.Select(r => r.TrackId).ToArray();
            precision += RankingMetrics.PrecisionAtK(ranked, _relevant[q], k);
            ndcg += RankingMetrics.NdcgAtK(ranked, _relevant[q], k);
            n++;
        }

        return new RankingScores(precision / n, ndcg / n);
    }

    /// <summary>
    /// The candidate-block evaluation over this benchmark's tracks, with the candidate blocks <paramref name="candidates"/>
    /// holds for them (<see cref="CandidateBlocks.CaptureAsync"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A track has no candidate blocks.</exception>
    public async Task<CandidateBlockEvaluation> CandidateEvaluationAsync(IReadOnlyDictionary<string, CandidateBlocks> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var records = new List<TrackRecord>();
        var blocks = new List<CandidateBlocks>();
        foreach (string id in _ids)
        {
            records.Add((await _catalog.GetAsync(id, cancellationToken).ConfigureAwait(false))!);
            blocks.Add(candidates.TryGetValue(id, out CandidateBlocks? b) ? b : throw new InvalidOperationException($"Track {id} has no candidate blocks: analyse it with --candidate-blocks."));
        }

        var index = _ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        HashSet<int>[] relevant = [.. _relevant.Select(set => set.Select(id => index[id]).ToHashSet())];
        return CandidateBlockEvaluation.Create(records, blocks, relevant);
    }

    /// <summary>
    /// How well small libraries recommend: <paramref name="libraries"/> random libraries of <paramref name="size"/> of
    /// the tracks (the same draws for every <paramref name="options"/>, by <paramref name="seed"/>), each track of a
    /// library a query whose relevant set is the 10 % (at least one) of the library's other tracks with the most similar
    /// GEMS profile; precision and nDCG at R, the size of that set.
    /// </summary>
    /// <param name="size">Tracks per library (2 to <see cref="Count"/>).</param>
    /// <param name="libraries">Libraries drawn.</param>
    /// <param name="options">The recommender's options (e.g. its reference statistics and the size from which they are no longer used).</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>Mean precision@R and nDCG@R over every query of every library.</returns>
    public async Task<RankingScores> ScoreLibrariesOfSizeAsync(int size, int libraries, RecommenderOptions options, int seed = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(libraries, 1);
        ArgumentNullException.ThrowIfNull(options);
        int relevantCount = RelevantCountFor(size);
        var random = new Random(seed);
        double precision = 0, ndcg = 0;
        int n = 0;
        for (int l = 0; l < libraries; l++)
        {
            int[] members = Enumerable.Range(0, Count).OrderBy(_ => random.Next()).Take(size).ToArray();
            using var library = new InMemoryTrackCatalog();
            foreach (int member in members)
            {
                await library.AddAsync((await _catalog.GetAsync(_ids[member], cancellationToken).ConfigureAwait(false))!, cancellationToken).ConfigureAwait(false);
            }

            using var recommender = new Recommender(library, _modelName, _modelVersion, options);
            foreach (int query in members)
            {
                HashSet<string> relevant = members.Where(j => j != query)
                    .OrderByDescending(j => Cosine(_tracks[query].GemsProfile, _tracks[j].GemsProfile))
                    .ThenBy(j => _tracks[j].Id, StringComparer.Ordinal)
                    .Take(relevantCount)
                    .Select(j => _ids[j])
                    .ToHashSet(StringComparer.Ordinal);
                RecommendationResult result = await recommender.SimilarAsync(_ids[query], relevantCount, SimilarityKind.Combined, cancellationToken).ConfigureAwait(false);
                string[] ranked = result.Items.Select(r => r.TrackId).ToArray();
                precision += RankingMetrics.PrecisionAtK(ranked, relevant, relevantCount);
                ndcg += RankingMetrics.NdcgAtK(ranked, relevant, relevantCount);
                n++;
            }
        }

        return new RankingScores(precision / n, ndcg / n);
    }

    /// <summary>The relevant tracks per query in a library of <paramref name="size"/> tracks: 10 % of the others, at least one.</summary>
    public static int RelevantCountFor(int size) => Math.Max(1, (int)Math.Round(0.1 * (size - 1), MidpointRounding.AwayFromZero));

    private HashSet<string> RelevantTo(int query)
    {
        IReadOnlyList<double> profile = _tracks[query].GemsProfile;
        return Enumerable.Range(0, _tracks.Count)
            .Where(j => j != query)
            .Select(j => (Index: j, Similarity: Cosine(profile, _tracks[j].GemsProfile)))
            .OrderByDescending(p => p.Similarity)
            .ThenBy(p => _tracks[p.Index].Id, StringComparer.Ordinal)
            .Take(RelevantCount)
            .Select(p => _ids[p.Index])
            .ToHashSet(StringComparer.Ordinal);
    }

    private static double Cosine(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Count; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na > 0 && nb > 0 ? dot / Math.Sqrt(na * nb) : 0;
    }
}
