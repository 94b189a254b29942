using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Search;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Recommending;

/// <summary>
/// The searchable state of a catalog at one revision: the standardisation statistics, one vector space and index per
/// similarity kind, and the id, name and duration of every current-model track (keyed by its row in these arrays).
/// Immutable once built; a new revision builds a new snapshot.
/// </summary>
internal sealed class CatalogSnapshot
{
    private readonly Dictionary<string, long> _keyById;
    private readonly (TrackVectorSpace Space, IVectorIndex Index)[] _kinds;

    private CatalogSnapshot(long revision, CatalogStatistics statistics, string[] ids, string[] names, double[] durations, int stale,
        (TrackVectorSpace, IVectorIndex)[] kinds)
    {
        Revision = revision;
        Statistics = statistics;
        Ids = ids;
        Names = names;
        Durations = durations;
        StaleTracks = stale;
        _kinds = kinds;
        _keyById = new Dictionary<string, long>(ids.Length, StringComparer.Ordinal);
        for (int i = 0; i < ids.Length; i++)
        {
            _keyById[ids[i]] = i;
        }
    }

    public long Revision { get; }

    public CatalogStatistics? Statistics { get; }

    public string[] Ids { get; }

    public string[] Names { get; }

    public double[] Durations { get; }

    public int StaleTracks { get; }

    public int Tracks => Ids.Length;

    public TrackVectorSpace Space(SimilarityKind kind) => _kinds[(int)kind].Space;

    public IVectorIndex Index(SimilarityKind kind) => _kinds[(int)kind].Index;

    public bool TryGetKey(string id, out long key) => _keyById.TryGetValue(id, out key);

    /// <summary>An empty snapshot (a catalog without current-model tracks).</summary>
    public static CatalogSnapshot Empty(long revision, int stale) => new(revision, null!, [], [], [], stale, []);

    /// <summary>Reads every track of the catalog and builds the snapshot, refreshing the stored statistics when needed.</summary>
    public static async Task<CatalogSnapshot> BuildAsync(ITrackCatalog catalog, RecommenderOptions options, string modelName, string modelVersion,
        CancellationToken cancellationToken)
    {
        long revision = await catalog.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        var names = new List<string>();
        var durations = new List<double>();
        var blocks = new List<TrackVectorBlocks>();
        int stale = 0;
        await foreach (TrackRecord track in catalog.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!track.IsFromModel(modelName, modelVersion))
            {
                stale++;
                continue;
            }

            ids.Add(track.Id);
            names.Add(track.SourceName);
            durations.Add(track.DurationSeconds);
            blocks.Add(track.BlocksWithArcLength(options.ArcLength));
        }

        if (ids.Count == 0)
        {
            return Empty(revision, stale);
        }

        CatalogStatistics? statistics = await catalog.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        if (NeedsRefresh(statistics, ids.Count, options, modelName, modelVersion))
        {
            var builder = new CatalogStatisticsBuilder(modelName, modelVersion, options.ArcLength);
            blocks.ForEach(builder.Add);
            statistics = builder.Build();
            await catalog.SaveStatisticsAsync(statistics, cancellationToken).ConfigureAwait(false);
        }

        var kinds = new (TrackVectorSpace, IVectorIndex)[2];
        kinds[(int)SimilarityKind.Combined] = BuildIndex(new TrackVectorSpace(statistics!, options.Weights), blocks, options);
        kinds[(int)SimilarityKind.EmotionalArc] = BuildIndex(new TrackVectorSpace(statistics!, BlockWeights.EmotionArcOnly), blocks, options);
        return new CatalogSnapshot(revision, statistics!, ids.ToArray(), names.ToArray(), durations.ToArray(), stale, kinds);
    }

    private static bool NeedsRefresh(CatalogStatistics? statistics, int tracks, RecommenderOptions options, string modelName, string modelVersion) =>
        statistics is null
        || !statistics.IsFor(modelName, modelVersion)
        || statistics.ArcLength != options.ArcLength
        || Math.Abs(tracks - statistics.TrackCount) > options.StatisticsRefreshFraction * statistics.TrackCount;

    private static (TrackVectorSpace, IVectorIndex) BuildIndex(TrackVectorSpace space, List<TrackVectorBlocks> blocks, RecommenderOptions options)
    {
        IVectorIndex index = options.CreateIndex(space.Dimension);
        var vector = new float[space.Dimension];
        for (int key = 0; key < blocks.Count; key++)
        {
            space.Embed(blocks[key], vector);
            index.Add(key, vector);
        }

        return (space, index);
    }
}
