using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Catalog;

/// <summary>
/// A store of analysed tracks keyed by the SHA-256 of their audio. Adding a track is one transaction (it is stored
/// whole or not at all) and adding the same id twice is a no-op. Implementations are thread-safe: several readers
/// and writers may call at once.
/// </summary>
public interface ITrackCatalog : IDisposable
{
    /// <summary>A short description of where the catalog lives, used in messages (e.g. its file path).</summary>
    string Name { get; }

    /// <summary>Adds a track unless one with the same id is already there.</summary>
    /// <returns>True when it was added, false when the id was already present (nothing changes).</returns>
    /// <exception cref="CatalogException">The record is invalid or the store cannot be written.</exception>
    Task<bool> AddAsync(TrackRecord track, CancellationToken cancellationToken = default);

    /// <summary>The track with <paramref name="id"/>, or null.</summary>
    Task<TrackRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Whether a track with <paramref name="id"/> is present (without reading it).</summary>
    Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Tracks in the order they were added, from <paramref name="offset"/>, at most <paramref name="limit"/> (1–1000).</summary>
    Task<TrackPage> ListAsync(int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every track, in the order they were added, read in pages (for building indexes and exports).</summary>
    IAsyncEnumerable<TrackRecord> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the track with <paramref name="id"/>.</summary>
    /// <returns>True when a track was removed.</returns>
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Number of tracks.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Tracks per model version (tracks of a version other than the analyser's are stale).</summary>
    Task<IReadOnlyList<ModelTrackCount>> CountByModelAsync(CancellationToken cancellationToken = default);

    /// <summary>A number that changes whenever a track is added or removed (for caches and indexes).</summary>
    Task<long> GetRevisionAsync(CancellationToken cancellationToken = default);

    /// <summary>The stored standardisation statistics, or null when none were saved.</summary>
    Task<CatalogStatistics?> GetStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored standardisation statistics.</summary>
    Task SaveStatisticsAsync(CatalogStatistics statistics, CancellationToken cancellationToken = default);
}
