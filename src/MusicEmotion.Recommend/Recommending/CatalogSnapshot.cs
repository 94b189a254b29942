using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Search;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Recommending;

/// <summary>
/// The searchable state of a catalog at one revision: the standardisation statistics, one vector space and index per
/// similarity kind, and the id, name and duration of every current-model track, keyed by a number that stays the
/// track's for as long as the index does (arrays indexed by key; a removed track leaves a null hole). Immutable once
/// built. A new revision builds a new snapshot; when the statistics and the kind of index (exact or approximate) are
/// unchanged, the new snapshot takes over the previous one's indexes and only adds the new tracks and removes the gone
/// ones, so a large approximate index is updated as tracks are added instead of being rebuilt.
/// </summary>
internal sealed class CatalogSnapshot
{
    private readonly Dictionary<string, long> _keyById;
    private readonly (TrackVectorSpace Space, IVectorIndex Index)[] _kinds;

    private CatalogSnapshot(long revision, CatalogStatistics? statistics, string?[] ids, string?[] names, double[] durations, int tracks, (int Stale, int NoMusic) left,
        (TrackVectorSpace, IVectorIndex)[] kinds, bool approximate)
    {
        Revision = revision;
        Statistics = statistics;
        Ids = ids;
        Names = names;
        Durations = durations;
        Tracks = tracks;
        StaleTracks = left.Stale;
        NoMusicTracks = left.NoMusic;
        Approximate = approximate;
        _kinds = kinds;
        _keyById = new Dictionary<string, long>(tracks, StringComparer.Ordinal);
        for (int key = 0; key < ids.Length; key++)
        {
            if (ids[key] is { } id)
            {
                _keyById[id] = key;
            }
        }
    }

    public long Revision { get; }

    /// <summary>The statistics the vectors are standardised with: the catalog's own, blended with the reference statistics when the catalog is small.</summary>
    public CatalogStatistics? Statistics { get; }

    /// <summary>Track ids by key (null where a track was removed).</summary>
    public string?[] Ids { get; }

    public string?[] Names { get; }

    public double[] Durations { get; }

    /// <summary>Current-model tracks searched.</summary>
    public int Tracks { get; }

    public int StaleTracks { get; }

    /// <summary>Tracks of the current model left out because no music was detected in them.</summary>
    public int NoMusicTracks { get; }

    /// <summary>Whether the indexes are the approximate kind.</summary>
    public bool Approximate { get; }

    public TrackVectorSpace Space(SimilarityKind kind) => _kinds[(int)kind].Space;

    public IVectorIndex Index(SimilarityKind kind) => _kinds[(int)kind].Index;

    public bool TryGetKey(string id, out long key) => _keyById.TryGetValue(id, out key);

    /// <summary>Whether <paramref name="key"/> names a track of this snapshot (an index shared with a newer snapshot may hold others).</summary>
    public bool Holds(long key) => key >= 0 && key < Ids.Length && Ids[key] is not null;

    /// <summary>An empty snapshot (a catalog without current-model tracks).</summary>
    public static CatalogSnapshot Empty(long revision, (int Stale, int NoMusic) left) => new(revision, null, [], [], [], 0, left, [], approximate: false);

    /// <summary>
    /// Reads every track of the catalog and builds the snapshot, refreshing the stored statistics when needed and
    /// reusing <paramref name="previous"/>'s indexes when they still fit.
    /// </summary>
    public static async Task<CatalogSnapshot> BuildAsync(ITrackCatalog catalog, RecommenderOptions options, string modelName, string modelVersion,
        CatalogSnapshot? previous, CancellationToken cancellationToken)
    {
        long revision = await catalog.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
        var tracks = new List<(string Id, string Name, double Duration, TrackVectorBlocks Blocks)>();
        int stale = 0, noMusic = 0;
        await foreach (TrackRecord track in catalog.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!track.IsFromModel(modelName, modelVersion))
            {
                stale++;
                continue;
            }

            if (!track.Timeline.HasMusic)
            {
                noMusic++;
                continue;
            }

            tracks.Add((track.Id, track.SourceName, track.DurationSeconds, track.BlocksWithArcLength(options.ArcLength)));
        }

        if (tracks.Count == 0)
        {
            return Empty(revision, (stale, noMusic));
        }

        CatalogStatistics? statistics = await catalog.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        if (NeedsRefresh(statistics, tracks.Count, options, modelName, modelVersion)
            || (statistics!.Melody is null && tracks.Exists(t => t.Blocks.Melody is not null))) // tracks analysed since the melody block exists
        {
            var builder = new CatalogStatisticsBuilder(modelName, modelVersion, options.ArcLength);
            tracks.ForEach(t => builder.Add(t.Blocks));
            statistics = builder.Build();
            await catalog.SaveStatisticsAsync(statistics, cancellationToken).ConfigureAwait(false);
        }

        // Small catalogs lean on the reference statistics; the blend depends only on the stored statistics (their track
        // count), so the embeddings stay consistent for as long as the stored statistics do.
        CatalogStatistics effective = StatisticsBlend.Apply(statistics!, options.ReferenceStatistics, options.OwnStatisticsFromTracks);
        bool approximate = options.CreateApproximateIndex is not null && tracks.Count >= options.ApproximateSearchThreshold;
        return previous is { Statistics: { } before, _kinds.Length: 2 } && previous.Approximate == approximate && Same(before, effective)
            && previous.Ids.Length <= 2L * Math.Max(tracks.Count, 1024)
            ? Update(previous, revision, tracks, (stale, noMusic))
            : Build(revision, effective, tracks, (stale, noMusic), options, approximate);
    }

    private static CatalogSnapshot Build(long revision, CatalogStatistics statistics, List<(string Id, string Name, double Duration, TrackVectorBlocks Blocks)> tracks,
        (int Stale, int NoMusic) left, RecommenderOptions options, bool approximate)
    {
        Func<int, IVectorIndex> create = approximate ? options.CreateApproximateIndex! : options.CreateIndex;
        var kinds = new (TrackVectorSpace, IVectorIndex)[2];
        kinds[(int)SimilarityKind.Combined] = (new TrackVectorSpace(statistics, options.Weights ?? BlockWeights.DefaultFor(statistics)), null!);
        kinds[(int)SimilarityKind.EmotionalArc] = (new TrackVectorSpace(statistics, BlockWeights.EmotionArcOnly), null!);
        for (int k = 0; k < kinds.Length; k++)
        {
            TrackVectorSpace space = kinds[k].Item1;
            IVectorIndex index = create(space.Dimension);
            var vector = new float[space.Dimension];
            for (int key = 0; key < tracks.Count; key++)
            {
                space.Embed(tracks[key].Blocks, vector);
                index.Add(key, vector);
            }

            kinds[k] = (space, index);
        }

        return new CatalogSnapshot(revision, statistics, tracks.Select(t => t.Id).ToArray(), tracks.Select(t => t.Name).ToArray(),
            tracks.Select(t => t.Duration).ToArray(), tracks.Count, left, kinds, approximate);
    }

    private static CatalogSnapshot Update(CatalogSnapshot previous, long revision, List<(string Id, string Name, double Duration, TrackVectorBlocks Blocks)> tracks, (int Stale, int NoMusic) left)
    {
        var current = new HashSet<string>(tracks.Count, StringComparer.Ordinal);
        foreach (var track in tracks)
        {
            current.Add(track.Id);
        }

        int added = tracks.Count(t => !previous._keyById.ContainsKey(t.Id));
        int size = previous.Ids.Length + added;
        var ids = new string?[size];
        var names = new string?[size];
        var durations = new double[size];
        long next = previous.Ids.Length;
        var vectors = previous._kinds.Select(k => new float[k.Space.Dimension]).ToArray();
        foreach (var track in tracks)
        {
            if (!previous._keyById.TryGetValue(track.Id, out long key))
            {
                key = next++;
                for (int k = 0; k < previous._kinds.Length; k++)
                {
                    previous._kinds[k].Space.Embed(track.Blocks, vectors[k]);
                    previous._kinds[k].Index.Add(key, vectors[k]);
                }
            }

            ids[key] = track.Id;
            names[key] = track.Name;
            durations[key] = track.Duration;
        }

        foreach ((string id, long key) in previous._keyById)
        {
            if (!current.Contains(id))
            {
                foreach ((TrackVectorSpace _, IVectorIndex index) in previous._kinds)
                {
                    index.Remove(key);
                }
            }
        }

        return new CatalogSnapshot(revision, previous.Statistics, ids, names, durations, tracks.Count, left, previous._kinds, previous.Approximate);
    }

    private static bool Same(CatalogStatistics a, CatalogStatistics b) =>
        a.IsFor(b.ModelName, b.ModelVersion) && a.TrackCount == b.TrackCount && a.ArcLength == b.ArcLength && a.ComputedUtc == b.ComputedUtc
        && a.Descriptors.Mean.SequenceEqual(b.Descriptors.Mean) && a.EmotionStatistics.Mean.SequenceEqual(b.EmotionStatistics.Mean)
        && a.Descriptors.StandardDeviation.SequenceEqual(b.Descriptors.StandardDeviation)
        && a.EmotionStatistics.StandardDeviation.SequenceEqual(b.EmotionStatistics.StandardDeviation)
        && a.EmotionArc.StandardDeviation.SequenceEqual(b.EmotionArc.StandardDeviation)
        && (a.Melody is null ? b.Melody is null : b.Melody is not null
            && a.Melody.Mean.SequenceEqual(b.Melody.Mean) && a.Melody.StandardDeviation.SequenceEqual(b.Melody.StandardDeviation));

    private static bool NeedsRefresh(CatalogStatistics? statistics, int tracks, RecommenderOptions options, string modelName, string modelVersion) =>
        statistics is null
        || !statistics.IsFor(modelName, modelVersion)
        || statistics.ArcLength != options.ArcLength
        || Math.Abs(tracks - statistics.TrackCount) > options.StatisticsRefreshFraction * statistics.TrackCount;
}
