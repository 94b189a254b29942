using System.Buffers;
using System.Numerics.Tensors;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Search;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Recommending;

/// <summary>
/// "More like this" over a catalog: by one track, by a set of liked tracks, with disliked tracks pushed away
/// (Rocchio: query = mean(liked) − γ·mean(disliked)), filters, optional diversity (maximal marginal relevance) and an
/// explanation for every result. Only tracks analysed by the current model version are searched; the others are
/// reported as stale. The recommender keeps an index of the catalog: exact search below
/// <see cref="RecommenderOptions.ApproximateSearchThreshold"/> tracks, the approximate index of
/// <see cref="RecommenderOptions.CreateApproximateIndex"/> (if any) from there on; results say which
/// (<see cref="RecommendationResult.SearchKind"/>). When the catalog's revision changes the index is brought up to date
/// (new tracks added, removed ones dropped), and rebuilt only when the standardisation statistics are recomputed or the
/// kind of index changes. Thread-safe; share one per catalog.
/// </summary>
/// <example>
/// <code>
/// using var recommender = new Recommender(catalog, trackAnalyzer.ModelName, trackAnalyzer.ModelVersion);
/// RecommendationResult result = await recommender.RecommendAsync(new RecommendationRequest { Liked = [id], K = 10 });
/// foreach (Recommendation r in result.Items) Console.WriteLine($"{r.SourceName} {r.Score:0.00} {r.Explanation}");
/// </code>
/// </example>
public sealed class Recommender : IDisposable
{
    private readonly ITrackCatalog _catalog;
    private readonly RecommenderOptions _options;
    private readonly ITempoKeySource _tempoKey;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile CatalogSnapshot? _snapshot;

    /// <summary>Creates a recommender over <paramref name="catalog"/> (not disposed by the recommender).</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="modelName">The current model's name: tracks of other models are stale.</param>
    /// <param name="modelVersion">The current model's version.</param>
    /// <param name="options">Options (validated).</param>
    /// <param name="tempoKey">Where the keys named in explanations come from; null for the stored estimates (<see cref="DescriptorTempoKeySource.Default"/>).</param>
    public Recommender(ITrackCatalog catalog, string modelName, string modelVersion, RecommenderOptions? options = null, ITempoKeySource? tempoKey = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(modelName);
        ArgumentException.ThrowIfNullOrEmpty(modelVersion);
        _options = options ?? new RecommenderOptions();
        _options.Validate();
        _catalog = catalog;
        _tempoKey = tempoKey ?? DescriptorTempoKeySource.Default;
        ModelName = modelName;
        ModelVersion = modelVersion;
    }

    /// <summary>The current model's name.</summary>
    public string ModelName { get; }

    /// <summary>The current model's version.</summary>
    public string ModelVersion { get; }

    /// <summary>The options in use.</summary>
    public RecommenderOptions Options => _options;

    /// <summary>Tracks more like the one with <paramref name="trackId"/>.</summary>
    /// <exception cref="RecommendationException">The track is unknown or stale, or <paramref name="k"/> is out of range.</exception>
    public Task<RecommendationResult> SimilarAsync(string trackId, int k = 10, SimilarityKind similarity = SimilarityKind.Combined, CancellationToken cancellationToken = default) =>
        RecommendAsync(new RecommendationRequest { Liked = [trackId], K = k, Similarity = similarity }, cancellationToken);

    /// <summary>Recommends tracks for <paramref name="request"/>.</summary>
    /// <exception cref="RecommendationException">The request is invalid or names an unknown or stale track.</exception>
    /// <exception cref="CatalogException">The catalog cannot be read.</exception>
    public async Task<RecommendationResult> RecommendAsync(RecommendationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request, out double diversity);
        string[] liked = NormalizeIds(request.Liked);
        string[] disliked = NormalizeIds(request.Disliked);
        string[] excluded = NormalizeIds(request.ExcludeIds);
        CatalogSnapshot snapshot = await CurrentSnapshotAsync(cancellationToken).ConfigureAwait(false);
        long[] likedKeys = await KeysAsync(snapshot, liked, cancellationToken).ConfigureAwait(false);
        long[] dislikedKeys = await KeysAsync(snapshot, disliked, cancellationToken).ConfigureAwait(false);

        IVectorIndex index = snapshot.Index(request.Similarity);
        TrackVectorSpace space = snapshot.Space(request.Similarity);
        int dimension = space.Dimension;
        float[] query = BuildQuery(index, dimension, likedKeys, dislikedKeys);
        var blocked = new HashSet<long>(likedKeys.Concat(dislikedKeys));
        foreach (string id in excluded)
        {
            if (snapshot.TryGetKey(id, out long key))
            {
                blocked.Add(key);
            }
        }

        double min = request.MinDurationSeconds ?? double.NegativeInfinity, max = request.MaxDurationSeconds ?? double.PositiveInfinity;
        bool Accept(long key) => snapshot.Holds(key) && !blocked.Contains(key) && snapshot.Durations[key] >= min && snapshot.Durations[key] <= max;

        int pool = diversity > 0 ? Math.Max(request.K * 5, 50) : request.K;
        var matches = new VectorMatch[Math.Min(pool, Math.Max(1, snapshot.Tracks))];
        int found = snapshot.Tracks == 0 ? 0 : index.Search(query, matches, Accept);
        float[] vectors = new float[found * dimension];
        for (int i = 0; i < found; i++)
        {
            index.TryGetVector(matches[i].Key, vectors.AsSpan(i * dimension, dimension));
        }

        (int Index, double? Redundancy)[] order = diversity > 0
            ? MaximalMarginalRelevance.Select(matches.AsSpan(0, found), vectors, dimension, diversity, request.K)
            : Enumerable.Range(0, Math.Min(found, request.K)).Select(i => (i, (double?)null)).ToArray();

        var items = new List<Recommendation>(order.Length);
        Dictionary<string, TrackRecord> likedRecords = await ReadAsync(liked, cancellationToken).ConfigureAwait(false);
        float[] likedVector = new float[dimension];
        MusicalKey? likedKey = KeyWords.Common(likedRecords.Values.Select(r => _tempoKey.Estimate(r).Key)); // one liked track: its key
        foreach ((int i, double? redundancy) in order)
        {
            (string closest, BlockScore[] scores) = Score(index, space, snapshot, likedKeys, query, vectors.AsMemory(i * dimension, dimension), likedVector);
            string id = snapshot.Ids[matches[i].Key]!;
            TrackRecord record = await _catalog.GetAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new RecommendationException(RecommendationFailure.UnknownTrack, $"track {id} left the catalog during the request; ask again", id);
            double similarity = Math.Clamp(matches[i].Score, -1, 1);
            double relevance = Recommendation.RelevanceOf(similarity);
            double novelty = redundancy is { } s ? 1 - Recommendation.RelevanceOf(s) : 1;
            double score = diversity > 0 ? ((1 - diversity) * relevance) + (diversity * novelty) : relevance;
            string explanation = RecommendationExplainer.Explain(likedRecords[closest], record, likedKey, _tempoKey.Estimate(record).Key,
                snapshot.Statistics!, scores, similarity, snapshot.Tracks);
            items.Add(new Recommendation(record.Id, record.SourceName, record.DurationSeconds, score, scores, closest, explanation)
            {
                Similarity = similarity,
                Relevance = relevance,
                DiversityContribution = score - relevance,
            });
        }

        return new RecommendationResult(items, request.Similarity, index.Kind, snapshot.Tracks, snapshot.StaleTracks) { Diversity = diversity, NoMusicTracks = snapshot.NoMusicTracks };
    }

    /// <summary>Rebuilds the index now if the catalog changed (requests do this on their own; call it to warm up).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default) =>
        await CurrentSnapshotAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Releases the index.</summary>
    public void Dispose()
    {
        _rebuild.Dispose();
        if (_snapshot is { Tracks: > 0 } snapshot)
        {
            snapshot.Index(SimilarityKind.Combined).Dispose();
            snapshot.Index(SimilarityKind.EmotionalArc).Dispose();
        }
    }

    private void Validate(RecommendationRequest request, out double diversity)
    {
        if (request.Liked is null || request.Liked.Count == 0)
        {
            throw new RecommendationException(RecommendationFailure.InvalidRequest, "name at least one liked track");
        }

        if (request.K < 1 || request.K > _options.MaxResults)
        {
            throw new RecommendationException(RecommendationFailure.InvalidRequest, $"k must be between 1 and {_options.MaxResults} (got {request.K})");
        }

        diversity = request.Diversity ?? _options.Diversity;
        if (!(diversity >= 0 && diversity <= 1))
        {
            throw new RecommendationException(RecommendationFailure.InvalidRequest, $"diversity must be between 0 and 1 (got {diversity})");
        }

        DurationBounds.Validate(request.MinDurationSeconds, request.MaxDurationSeconds);

        if (request.Disliked is { Count: > 0 } && request.Liked
            .Intersect(request.Disliked.Where(d => d is not null), StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(id => id is not null) is { } both)
        {
            throw new RecommendationException(RecommendationFailure.InvalidRequest, $"track {both} is both liked and disliked; name it in one list only", both);
        }

        if (!Enum.IsDefined(request.Similarity))
        {
            throw new RecommendationException(RecommendationFailure.InvalidRequest, $"unknown similarity kind {request.Similarity}");
        }
    }

    private static string[] NormalizeIds(IEnumerable<string>? ids)
    {
        if (ids is null)
        {
            return [];
        }

        try
        {
            return ids.Select(TrackId.Normalize).Distinct(StringComparer.Ordinal).ToArray();
        }
        catch (ArgumentException ex)
        {
            throw new RecommendationException(RecommendationFailure.InvalidRequest, ex.Message);
        }
    }

    private async Task<long[]> KeysAsync(CatalogSnapshot snapshot, string[] ids, CancellationToken cancellationToken)
    {
        var keys = new long[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            if (snapshot.TryGetKey(ids[i], out keys[i]))
            {
                continue;
            }

            TrackRecord? track = await _catalog.GetAsync(ids[i], cancellationToken).ConfigureAwait(false);
            throw track is null
                ? new RecommendationException(RecommendationFailure.UnknownTrack, $"track {ids[i]} is not in the catalog", ids[i])
                : track.IsFromModel(ModelName, ModelVersion)
                ? new RecommendationException(RecommendationFailure.NoMusicTrack,
                    $"track {ids[i]} ({track.SourceName}) holds no music (silence or a steady sound), so it has no mood to match; choose another", ids[i])
                : new RecommendationException(RecommendationFailure.StaleTrack,
                    $"track {ids[i]} ({track.SourceName}) was analysed by {track.ModelName} {track.ModelVersion}, not the current {ModelName} {ModelVersion}; analyse it again", ids[i]);
        }

        return keys;
    }

    private float[] BuildQuery(IVectorIndex index, int dimension, long[] liked, long[] disliked)
    {
        var query = new float[dimension];
        float[] buffer = ArrayPool<float>.Shared.Rent(dimension);
        try
        {
            Span<float> vector = buffer.AsSpan(0, dimension);
            foreach (long key in liked)
            {
                index.TryGetVector(key, vector);
                TensorPrimitives.MultiplyAdd(vector, 1f / liked.Length, query, query);
            }

            foreach (long key in disliked)
            {
                index.TryGetVector(key, vector);
                TensorPrimitives.MultiplyAdd(vector, (float)(-_options.DislikeWeight / disliked.Length), query, query);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }

        float norm = TensorPrimitives.Norm(query);
        if (norm > 0)
        {
            TensorPrimitives.Divide(query, norm, query);
        }

        return query;
    }

    private static (string Closest, BlockScore[] Scores) Score(IVectorIndex index, TrackVectorSpace space, CatalogSnapshot snapshot, long[] liked,
        float[] query, ReadOnlyMemory<float> candidate, float[] buffer)
    {
        var scores = new BlockScore[space.Slices.Count];
        for (int b = 0; b < scores.Length; b++)
        {
            BlockSlice slice = space.Slices[b];
            scores[b] = new BlockScore(slice.Block, space.BlockCosine(query, candidate.Span, slice.Block), slice.Weight);
        }

        return (ClosestLiked(index, liked, snapshot, candidate.Span, buffer), scores);
    }

    private static string ClosestLiked(IVectorIndex index, long[] liked, CatalogSnapshot snapshot, ReadOnlySpan<float> candidate, float[] buffer)
    {
        long best = liked[0];
        float bestScore = float.NegativeInfinity;
        foreach (long key in liked)
        {
            index.TryGetVector(key, buffer);
            float score = TensorPrimitives.Dot(buffer, candidate);
            if (score > bestScore)
            {
                (best, bestScore) = (key, score);
            }
        }

        return snapshot.Ids[best]!;
    }

    private async Task<Dictionary<string, TrackRecord>> ReadAsync(string[] ids, CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, TrackRecord>(StringComparer.Ordinal);
        foreach (string id in ids)
        {
            records[id] = await _catalog.GetAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new RecommendationException(RecommendationFailure.UnknownTrack, $"track {id} left the catalog during the request", id);
        }

        return records;
    }

    private async Task<CatalogSnapshot> CurrentSnapshotAsync(CancellationToken cancellationToken)
    {
        long revision = await _catalog.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
        CatalogSnapshot? snapshot = _snapshot;
        if (snapshot is not null && snapshot.Revision == revision)
        {
            return snapshot;
        }

        await _rebuild.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            snapshot = _snapshot;
            if (snapshot is null || snapshot.Revision != revision)
            {
                snapshot = await CatalogSnapshot.BuildAsync(_catalog, _options, ModelName, ModelVersion, snapshot, cancellationToken).ConfigureAwait(false);
                _snapshot = snapshot;
            }

            return snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }
}
