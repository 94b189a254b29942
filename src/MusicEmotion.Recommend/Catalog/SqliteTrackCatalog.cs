using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Catalog;

/// <summary>
/// The default catalog: one SQLite file (Microsoft.Data.Sqlite) in write-ahead-log mode, with a versioned schema
/// (<c>PRAGMA user_version</c>, migrated on open). Every add is one immediate transaction; readers never block the
/// writer and see only committed tracks. Safe for many threads and several processes on one machine (SQLite locks
/// the file; a busy writer is waited for up to <see cref="SqliteCatalogOptions.BusyTimeoutSeconds"/>).
/// </summary>
/// <example>
/// <code>
/// using var catalog = SqliteTrackCatalog.Open("catalog.db");
/// bool added = await catalog.AddAsync(analysis.Track);
/// </code>
/// </example>
public sealed class SqliteTrackCatalog : ITrackCatalog
{
    private const string TrackColumns = TrackRows.Columns;

    private static readonly string TrackParameters = string.Join(", ", Enumerable.Range(0, TrackRows.ColumnCount).Select(i => $"@p{i}"));

    private readonly string _connectionString;

    private SqliteTrackCatalog(string path, string connectionString)
    {
        Path = path;
        _connectionString = connectionString;
    }

    /// <summary>The catalog file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public string Name => Path;

    /// <summary>Opens the catalog at <paramref name="path"/>, creating it (but not its folder) when it does not exist, and upgrades its schema.</summary>
    /// <exception cref="CatalogException">The folder does not exist, the file is not a catalog, is damaged or is newer than this release.</exception>
    public static SqliteTrackCatalog Open(string path, SqliteCatalogOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new SqliteCatalogOptions();
        options.Validate();
        string full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new CatalogException(path, "is a folder; give a file name for the catalog (e.g. catalog.db)");
        }

        string? folder = System.IO.Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CatalogException(path, $"the folder {folder} does not exist");
        }

        string connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = options.BusyTimeoutSeconds,
        }.ToString();
        var catalog = new SqliteTrackCatalog(path, connectionString);
        catalog.Guard(() =>
        {
            using SqliteConnection connection = catalog.OpenConnection();
            using (SqliteCommand wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                wal.ExecuteNonQuery();
            }

            SqliteCatalogSchema.Migrate(connection, path, options.SchemaVersion);
            return 0;
        });
        return catalog;
    }

    /// <inheritdoc />
    public Task<bool> AddAsync(TrackRecord track, CancellationToken cancellationToken = default)
    {
        object?[] values = TrackRows.Values(track, Path);
        return Task.Run(() => Guard(() =>
        {
            using SqliteConnection connection = OpenConnection();
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            using SqliteCommand insert = Command(connection, transaction, $"INSERT INTO tracks ({TrackColumns}) VALUES ({TrackParameters}) ON CONFLICT (id) DO NOTHING;");
            for (int i = 0; i < values.Length; i++)
            {
                insert.Parameters.AddWithValue($"@p{i}", Stored(values[i]));
            }

            bool added = insert.ExecuteNonQuery() == 1;
            if (added)
            {
                BumpRevision(connection, transaction);
            }

            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return added;
        }), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TrackRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        string key = TrackId.Normalize(id);
        return Task.Run(() => Guard(() =>
        {
            using SqliteConnection connection = OpenConnection();
            using SqliteCommand select = Command(connection, null, $"SELECT {TrackColumns} FROM tracks WHERE id = @id;");
            select.Parameters.AddWithValue("@id", key);
            using SqliteDataReader reader = select.ExecuteReader();
            return reader.Read() ? ReadTrack(reader) : null;
        }), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default)
    {
        string key = TrackId.Normalize(id);
        return Task.Run(() => Guard(() =>
        {
            using SqliteConnection connection = OpenConnection();
            using SqliteCommand select = Command(connection, null, "SELECT EXISTS (SELECT 1 FROM tracks WHERE id = @id);");
            select.Parameters.AddWithValue("@id", key);
            return Convert.ToInt64(select.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
        }), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TrackPage> ListAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        return Task.Run(() => Guard(() =>
        {
            using SqliteConnection connection = OpenConnection();
            using SqliteTransaction snapshot = connection.BeginTransaction(deferred: true);
            using SqliteCommand count = Command(connection, snapshot, "SELECT count(*) FROM tracks;");
            int total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            using SqliteCommand select = Command(connection, snapshot, $"SELECT {TrackColumns} FROM tracks ORDER BY seq LIMIT @limit OFFSET @offset;");
            select.Parameters.AddWithValue("@limit", limit);
            select.Parameters.AddWithValue("@offset", offset);
            var items = new List<TrackRecord>();
            using (SqliteDataReader reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    items.Add(ReadTrack(reader));
                }
            }

            snapshot.Commit();
            return new TrackPage(items, offset, total);
        }), cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TrackRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long after = 0;
        while (true)
        {
            long from = after;
            List<(long Seq, TrackRecord Track)> page = await Task.Run(() => Guard(() =>
            {
                using SqliteConnection connection = OpenConnection();
                using SqliteCommand select = Command(connection, null, $"SELECT seq, {TrackColumns} FROM tracks WHERE seq > @after ORDER BY seq LIMIT 500;");
                select.Parameters.AddWithValue("@after", from);
                var rows = new List<(long, TrackRecord)>();
                using SqliteDataReader reader = select.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), ReadTrack(reader, first: 1)));
                }

                return rows;
            }), cancellationToken).ConfigureAwait(false);
            foreach ((long seq, TrackRecord track) in page)
            {
                after = seq;
                yield return track;
            }

            if (page.Count < 500)
            {
                yield break;
            }
        }
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        string key = TrackId.Normalize(id);
        return Task.Run(() => Guard(() =>
        {
            using SqliteConnection connection = OpenConnection();
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            using SqliteCommand delete = Command(connection, transaction, "DELETE FROM tracks WHERE id = @id;");
            delete.Parameters.AddWithValue("@id", key);
            bool removed = delete.ExecuteNonQuery() == 1;
            if (removed)
            {
                BumpRevision(connection, transaction);
            }

            transaction.Commit();
            return removed;
        }), cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => Guard(() => Convert.ToInt32(ScalarQuery("SELECT count(*) FROM tracks;"), CultureInfo.InvariantCulture)), cancellationToken);

    /// <inheritdoc />
    public Task<long> GetRevisionAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => Guard(() => long.Parse((string)ScalarQuery("SELECT value FROM catalog_meta WHERE key = 'revision';")!, CultureInfo.InvariantCulture)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ModelTrackCount>> CountByModelAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => Guard<IReadOnlyList<ModelTrackCount>>(() =>
        {
            using SqliteConnection connection = OpenConnection();
            using SqliteCommand select = Command(connection, null, "SELECT model_name, model_version, count(*) FROM tracks GROUP BY model_name, model_version ORDER BY 3 DESC, 1, 2;");
            var counts = new List<ModelTrackCount>();
            using SqliteDataReader reader = select.ExecuteReader();
            while (reader.Read())
            {
                counts.Add(new ModelTrackCount(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            }

            return counts;
        }), cancellationToken);

    /// <inheritdoc />
    public Task<CatalogStatistics?> GetStatisticsAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => Guard(() =>
        {
            using SqliteConnection connection = OpenConnection();
            using SqliteCommand select = Command(connection, null, "SELECT model_name, model_version, track_count, arc_length, computed_utc, descriptors_mean, descriptors_sd, emotion_mean, emotion_sd, arc_mean, arc_sd, melody_mean, melody_sd FROM catalog_statistics WHERE id = 1;");
            using SqliteDataReader reader = select.ExecuteReader();
            if (!reader.Read())
            {
                return (CatalogStatistics?)null;
            }

            try
            {
                return new CatalogStatistics(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetInt32(2),
                    reader.GetInt32(3),
                    new BlockStatistics(Floats(reader, 5, "statistics"), Floats(reader, 6, "statistics")),
                    new BlockStatistics(Floats(reader, 7, "statistics"), Floats(reader, 8, "statistics")),
                    new BlockStatistics(Floats(reader, 9, "statistics"), Floats(reader, 10, "statistics")),
                    DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
                {
                    Melody = reader.IsDBNull(11) ? null : new BlockStatistics(Floats(reader, 11, "statistics"), Floats(reader, 12, "statistics")),
                };
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                throw new CatalogException(Path, $"the stored statistics are damaged ({ex.Message}); they are recomputed if you remove the file's statistics row or re-create the catalog", ex);
            }
        }), cancellationToken);

    /// <inheritdoc />
    public Task SaveStatisticsAsync(CatalogStatistics statistics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return Task.Run(() => Guard(() =>
        {
            using SqliteConnection connection = OpenConnection();
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            using SqliteCommand upsert = Command(connection, transaction, """
                INSERT INTO catalog_statistics (id, model_name, model_version, track_count, arc_length, computed_utc, descriptors_mean, descriptors_sd, emotion_mean, emotion_sd, arc_mean, arc_sd, melody_mean, melody_sd)
                VALUES (1, @model, @version, @count, @arc, @computed, @dm, @ds, @em, @es, @am, @as, @mm, @ms)
                ON CONFLICT (id) DO UPDATE SET model_name = excluded.model_name, model_version = excluded.model_version, track_count = excluded.track_count,
                    arc_length = excluded.arc_length, computed_utc = excluded.computed_utc, descriptors_mean = excluded.descriptors_mean, descriptors_sd = excluded.descriptors_sd,
                    emotion_mean = excluded.emotion_mean, emotion_sd = excluded.emotion_sd, arc_mean = excluded.arc_mean, arc_sd = excluded.arc_sd,
                    melody_mean = excluded.melody_mean, melody_sd = excluded.melody_sd;
                """);
            upsert.Parameters.AddWithValue("@model", statistics.ModelName);
            upsert.Parameters.AddWithValue("@version", statistics.ModelVersion);
            upsert.Parameters.AddWithValue("@count", statistics.TrackCount);
            upsert.Parameters.AddWithValue("@arc", statistics.ArcLength);
            upsert.Parameters.AddWithValue("@computed", statistics.ComputedUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            upsert.Parameters.AddWithValue("@dm", FloatBlob.ToBytes(statistics.Descriptors.Mean));
            upsert.Parameters.AddWithValue("@ds", FloatBlob.ToBytes(statistics.Descriptors.StandardDeviation));
            upsert.Parameters.AddWithValue("@em", FloatBlob.ToBytes(statistics.EmotionStatistics.Mean));
            upsert.Parameters.AddWithValue("@es", FloatBlob.ToBytes(statistics.EmotionStatistics.StandardDeviation));
            upsert.Parameters.AddWithValue("@am", FloatBlob.ToBytes(statistics.EmotionArc.Mean));
            upsert.Parameters.AddWithValue("@as", FloatBlob.ToBytes(statistics.EmotionArc.StandardDeviation));
            upsert.Parameters.AddWithValue("@mm", statistics.Melody is { } melody ? FloatBlob.ToBytes(melody.Mean) : (object)DBNull.Value);
            upsert.Parameters.AddWithValue("@ms", statistics.Melody is { } spread ? FloatBlob.ToBytes(spread.StandardDeviation) : (object)DBNull.Value);
            upsert.ExecuteNonQuery();
            transaction.Commit();
            return 0;
        }), cancellationToken);
    }

    /// <summary>Releases the pooled connections to the file (other open catalogs of the same file keep working).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private object? ScalarQuery(string sql)
    {
        using SqliteConnection connection = OpenConnection();
        using SqliteCommand command = Command(connection, null, sql);
        return command.ExecuteScalar();
    }

    private static void BumpRevision(SqliteConnection connection, SqliteTransaction transaction)
    {
        using SqliteCommand bump = Command(connection, transaction, "UPDATE catalog_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'revision';");
        bump.ExecuteNonQuery();
    }

    private TrackRecord ReadTrack(SqliteDataReader reader, int first = 0) =>
        TrackRows.Read(reader, first, static (r, column) => FloatBlob.FromBytes((byte[])r.GetValue(column)),
            static (r, column) => DateTimeOffset.Parse(r.GetString(column), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), Path);

    /// <summary>A row value as SQLite stores it: float arrays as little-endian blobs, times as ISO 8601 text, flags as 0/1.</summary>
    private static object Stored(object? value) => value switch
    {
        null => DBNull.Value,
        float[] floats => FloatBlob.ToBytes(floats),
        DateTimeOffset time => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        bool flag => flag ? 1 : 0,
        _ => value,
    };

    private float[] Floats(SqliteDataReader reader, int column, string what) =>
        FloatBlob.FromBytes((byte[])reader.GetValue(column))
        ?? throw new CatalogException(Path, $"{what}: a stored curve or vector is damaged (not whole finite floats)");

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException ex)
        {
            throw ex.SqliteErrorCode switch
            {
                26 => new CatalogException(Path, "is not a SQLite database (or is encrypted); give a new file name for a new catalog", ex),
                11 => new CatalogException(Path, "the database file is damaged (SQLite: malformed); restore a backup or re-create the catalog", ex),
                5 or 6 => CatalogException.Unavailable(Path, "is locked by another writer for longer than the busy timeout; try again", ex),
                8 => CatalogException.Unavailable(Path, "is read-only; check the file's permissions", ex),
                13 => CatalogException.Unavailable(Path, "the disk is full", ex),
                14 => CatalogException.Unavailable(Path, "cannot be opened; check the path and permissions", ex),
                _ => CatalogException.Unavailable(Path, $"SQLite error {ex.SqliteErrorCode}: {ex.Message}", ex),
            };
        }
    }
}
