using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Server.Tests.Support;

/// <summary>A catalog whose writes fail (a full disk, a broken file), around a real SQLite catalog for everything else.</summary>
internal sealed class FailingCatalog(ITrackCatalog inner) : ITrackCatalog
{
    public string Name => inner.Name;

    public Task<bool> AddAsync(TrackRecord track, CancellationToken cancellationToken = default) =>
        throw CatalogException.Unavailable(inner.Name, "disk I/O error (simulated)", null);

    public Task<TrackRecord?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default) => inner.ContainsAsync(id, cancellationToken);

    public Task<TrackPage> ListAsync(int offset, int limit, CancellationToken cancellationToken = default) => inner.ListAsync(offset, limit, cancellationToken);

    public IAsyncEnumerable<TrackRecord> ReadAllAsync(CancellationToken cancellationToken = default) => inner.ReadAllAsync(cancellationToken);

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default) => inner.RemoveAsync(id, cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);

    public Task<IReadOnlyList<ModelTrackCount>> CountByModelAsync(CancellationToken cancellationToken = default) => inner.CountByModelAsync(cancellationToken);

    public Task<long> GetRevisionAsync(CancellationToken cancellationToken = default) => inner.GetRevisionAsync(cancellationToken);

    public Task<CatalogStatistics?> GetStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetStatisticsAsync(cancellationToken);

    public Task SaveStatisticsAsync(CatalogStatistics statistics, CancellationToken cancellationToken = default) => inner.SaveStatisticsAsync(statistics, cancellationToken);

    public void Dispose() => inner.Dispose();
}
