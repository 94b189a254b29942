using System.Runtime.CompilerServices;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Catalog;

/// <summary>A catalog held in process memory: for tests, evaluations and short-lived tools. Thread-safe.</summary>
public sealed class InMemoryTrackCatalog : ITrackCatalog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TrackRecord> _byId = new(StringComparer.Ordinal);
    private readonly List<TrackRecord> _inOrder = [];
    private CatalogStatistics? _statistics;
    private long _revision;

    /// <inheritdoc />
    public string Name => "in-memory catalog";

    /// <inheritdoc />
    public Task<bool> AddAsync(TrackRecord track, CancellationToken cancellationToken = default)
    {
        TrackRows.Validate(track, Name);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_byId.TryAdd(track.Id, track))
            {
                return Task.FromResult(false);
            }

            _inOrder.Add(track);
            _revision++;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<TrackRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        string key = TrackId.Normalize(id);
        lock (_gate)
        {
            return Task.FromResult(_byId.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    public Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default)
    {
        string key = TrackId.Normalize(id);
        lock (_gate)
        {
            return Task.FromResult(_byId.ContainsKey(key));
        }
    }

    /// <inheritdoc />
    public Task<TrackPage> ListAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        lock (_gate)
        {
            TrackRecord[] items = _inOrder.Skip(offset).Take(limit).ToArray();
            return Task.FromResult(new TrackPage(items, offset, _inOrder.Count));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TrackRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        TrackRecord[] snapshot;
        lock (_gate)
        {
            snapshot = _inOrder.ToArray();
        }

        foreach (TrackRecord track in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return track;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        string key = TrackId.Normalize(id);
        lock (_gate)
        {
            if (!_byId.Remove(key, out TrackRecord? track))
            {
                return Task.FromResult(false);
            }

            _inOrder.Remove(track);
            _revision++;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_inOrder.Count);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModelTrackCount>> CountByModelAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ModelTrackCount> counts = _inOrder
                .GroupBy(t => (t.ModelName, t.ModelVersion))
                .Select(g => new ModelTrackCount(g.Key.ModelName, g.Key.ModelVersion, g.Count()))
                .OrderByDescending(c => c.Tracks).ThenBy(c => c.ModelName, StringComparer.Ordinal).ThenBy(c => c.ModelVersion, StringComparer.Ordinal)
                .ToArray();
            return Task.FromResult(counts);
        }
    }

    /// <inheritdoc />
    public Task<long> GetRevisionAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_revision);
        }
    }

    /// <inheritdoc />
    public Task<CatalogStatistics?> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_statistics);
        }
    }

    /// <inheritdoc />
    public Task SaveStatisticsAsync(CatalogStatistics statistics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        lock (_gate)
        {
            _statistics = statistics;
        }

        return Task.CompletedTask;
    }

    /// <summary>Nothing to release.</summary>
    public void Dispose()
    {
    }
}
