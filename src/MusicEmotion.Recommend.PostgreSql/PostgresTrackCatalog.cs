using System.Runtime.CompilerServices;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;
using Npgsql;
using NpgsqlTypes;

namespace MusicEmotion.Recommend.PostgreSql;

/// <summary>
/// A catalog in PostgreSQL (Npgsql), shared by every machine that can reach the server: analysis workers add tracks,
/// service replicas read them. The schema is versioned (<c>schema_migrations</c>) and migrated on open. Every add is
/// one transaction that also bumps the revision, so readers see a track and the revision that announces it together;
/// adding an id twice is a no-op. Thread-safe (pooled connections through one <see cref="NpgsqlDataSource"/>).
/// </summary>
/// <example>
/// <code>
/// await using var catalog = await PostgresTrackCatalog.OpenAsync("Host=db;Database=music;Username=mer");
/// bool added = await catalog.AddAsync(analysis.Track);
/// </code>
/// </example>
public sealed class PostgresTrackCatalog : ITrackCatalog, IAsyncDisposable
{
    private const string TrackColumns = TrackRows.Columns;

    private const int PresenceColumn = 15; // TrackRows.Columns: presence, then melody, the last two

    private static readonly string TrackParameters = string.Join(", ", Enumerable.Range(1, TrackRows.ColumnCount).Select(i => $"${i}"));

    private const int PageSize = 500;
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    private PostgresTrackCatalog(NpgsqlDataSource dataSource, bool ownsDataSource, PostgresCatalogOptions options, string name)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        Options = options;
        Name = name;
        Schema = PostgresCatalogSchema.Quote(options.Schema);
    }

    /// <summary>Where the catalog lives: <c>postgres://host:port/database (schema s)</c>, without credentials.</summary>
    public string Name { get; }

    /// <summary>The options in use.</summary>
    public PostgresCatalogOptions Options { get; }

    /// <summary>The pooled connections to the server.</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>The schema as a quoted SQL identifier.</summary>
    internal string Schema { get; }

    /// <summary>Opens the catalog behind <paramref name="connectionString"/>, creating its schema and tables when missing and upgrading older ones.</summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Database=music;Username=mer</c> (keep passwords in PGPASSWORD or ~/.pgpass).</param>
    /// <param name="options">Options (validated).</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="CatalogException">The server cannot be reached or refuses the login, the schema holds other tables, or it is newer than this release.</exception>
    /// <exception cref="ArgumentException">The connection string or an option is invalid.</exception>
    public static async Task<PostgresTrackCatalog> OpenAsync(string connectionString, PostgresCatalogOptions? options = null, CancellationToken cancellationToken = default)
    {
        PostgresTrackCatalog catalog = Create(connectionString, options);
        try
        {
            await catalog.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return catalog;
        }
        catch
        {
            await catalog.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens the catalog through a data source the host owns (it is not disposed with the catalog).</summary>
    /// <exception cref="CatalogException">As for <see cref="OpenAsync(string, PostgresCatalogOptions?, CancellationToken)"/>.</exception>
    public static async Task<PostgresTrackCatalog> OpenAsync(NpgsqlDataSource dataSource, PostgresCatalogOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        options ??= new PostgresCatalogOptions();
        options.Validate();
        PostgresTrackCatalog catalog = Create(dataSource, ownsDataSource: false, options);
        await catalog.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return catalog;
    }

    /// <summary>
    /// Creates the catalog behind <paramref name="connectionString"/> without contacting the server: its schema is
    /// created or upgraded by the first call that uses it (which then reports an unreachable server). What dependency
    /// injection registers; <see cref="OpenAsync(string, PostgresCatalogOptions?, CancellationToken)"/> connects at once.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string or an option is invalid.</exception>
    public static PostgresTrackCatalog Create(string connectionString, PostgresCatalogOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"The PostgreSQL connection string is invalid: {ex.Message}", nameof(connectionString), ex);
        }

        options ??= new PostgresCatalogOptions();
        options.Validate();
        builder.CommandTimeout = options.CommandTimeoutSeconds;
        builder.ApplicationName ??= "MusicEmotion";
        return Create(NpgsqlDataSource.Create(builder), ownsDataSource: true, options);
    }

    private static PostgresTrackCatalog Create(NpgsqlDataSource dataSource, bool ownsDataSource, PostgresCatalogOptions options)
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        string name = $"postgres://{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username} (schema {options.Schema})";
        return new PostgresTrackCatalog(dataSource, ownsDataSource, options, name);
    }

    /// <summary>Creates or upgrades the schema unless that is done (once per catalog object; a failed attempt is retried by the next call).</summary>
    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_migrated)
            {
                try
                {
                    await PostgresCatalogSchema.MigrateAsync(_dataSource, Options.Schema, Name, Options.SchemaVersion, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (PostgresErrors.IsDatabaseError(ex))
                {
                    throw PostgresErrors.Translate(Name, ex);
                }

                _migrated = true;
            }
        }
        finally
        {
            _migration.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> AddAsync(TrackRecord track, CancellationToken cancellationToken = default)
    {
        TrackRows.Validate(track, Name);
        return await GuardAsync(async () =>
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            bool added = await InsertAsync(connection, transaction, track, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return added;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TrackRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        string key = TrackId.Normalize(id);
        return await GuardAsync(async () =>
        {
            await using NpgsqlCommand select = _dataSource.CreateCommand($"SELECT {TrackColumns} FROM {Schema}.tracks WHERE id = $1;");
            select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadTrack(reader) : null;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default)
    {
        string key = TrackId.Normalize(id);
        return await GuardAsync(async () =>
        {
            await using NpgsqlCommand select = _dataSource.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {Schema}.tracks WHERE id = $1);");
            select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            return (bool)(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TrackPage> ListAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        return await GuardAsync(async () =>
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using NpgsqlTransaction snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            int total;
            await using (var count = new NpgsqlCommand($"SELECT count(*) FROM {Schema}.tracks;", connection, snapshot))
            {
                total = checked((int)(long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
            }

            var items = new List<TrackRecord>();
            await using (var select = new NpgsqlCommand($"SELECT {TrackColumns} FROM {Schema}.tracks ORDER BY seq LIMIT $1 OFFSET $2;", connection, snapshot))
            {
                select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
                select.Parameters.Add(new NpgsqlParameter<long> { TypedValue = offset });
                await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    items.Add(ReadTrack(reader));
                }
            }

            await snapshot.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new TrackPage(items, offset, total);
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Reads pages of 500 tracks by their insertion sequence, one short query each, so no transaction stays open while the caller works.</remarks>
    public async IAsyncEnumerable<TrackRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long after = 0;
        while (true)
        {
            long from = after;
            List<(long Seq, TrackRecord Track)> page = await GuardAsync(async () =>
            {
                await using NpgsqlCommand select = _dataSource.CreateCommand($"SELECT seq, {TrackColumns} FROM {Schema}.tracks WHERE seq > $1 ORDER BY seq LIMIT {PageSize};");
                select.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from });
                var rows = new List<(long, TrackRecord)>(PageSize);
                await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((reader.GetInt64(0), ReadTrack(reader, first: 1)));
                }

                return rows;
            }).ConfigureAwait(false);
            foreach ((long seq, TrackRecord track) in page)
            {
                after = seq;
                yield return track;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        string key = TrackId.Normalize(id);
        return await GuardAsync(async () =>
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            bool removed;
            await using (var delete = new NpgsqlCommand($"DELETE FROM {Schema}.tracks WHERE id = $1;", connection, transaction))
            {
                delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
                removed = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            }

            if (removed)
            {
                await BumpRevisionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return removed;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        checked((int)await ScalarAsync<long>($"SELECT count(*) FROM {Schema}.tracks;", cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public Task<long> GetRevisionAsync(CancellationToken cancellationToken = default) =>
        ScalarAsync<long>($"SELECT revision FROM {Schema}.catalog_state WHERE id = 1;", cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ModelTrackCount>> CountByModelAsync(CancellationToken cancellationToken = default) =>
        await GuardAsync<IReadOnlyList<ModelTrackCount>>(async () =>
        {
            await using NpgsqlCommand select = _dataSource.CreateCommand(
                $"SELECT model_name, model_version, count(*) FROM {Schema}.tracks GROUP BY model_name, model_version ORDER BY 3 DESC, 1, 2;");
            var counts = new List<ModelTrackCount>();
            await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts.Add(new ModelTrackCount(reader.GetString(0), reader.GetString(1), checked((int)reader.GetInt64(2))));
            }

            return counts;
        }).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<CatalogStatistics?> GetStatisticsAsync(CancellationToken cancellationToken = default) =>
        await GuardAsync(async () =>
        {
            await using NpgsqlCommand select = _dataSource.CreateCommand(
                $"SELECT model_name, model_version, track_count, arc_length, computed_utc, descriptors_mean, descriptors_sd, emotion_mean, emotion_sd, arc_mean, arc_sd, melody_mean, melody_sd FROM {Schema}.catalog_statistics WHERE id = 1;");
            await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            try
            {
                return new CatalogStatistics(
                    reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3),
                    new BlockStatistics(Floats(reader, 5, "statistics"), Floats(reader, 6, "statistics")),
                    new BlockStatistics(Floats(reader, 7, "statistics"), Floats(reader, 8, "statistics")),
                    new BlockStatistics(Floats(reader, 9, "statistics"), Floats(reader, 10, "statistics")),
                    new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero))
                {
                    Melody = reader.IsDBNull(11) ? null : new BlockStatistics(Floats(reader, 11, "statistics"), Floats(reader, 12, "statistics")),
                };
            }
            catch (ArgumentException ex)
            {
                throw new CatalogException(Name, $"the stored statistics are damaged ({ex.Message}); they will be recomputed when saved again", ex);
            }
        }).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task SaveStatisticsAsync(CatalogStatistics statistics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        await GuardAsync(async () =>
        {
            await using NpgsqlCommand upsert = _dataSource.CreateCommand($"""
                INSERT INTO {Schema}.catalog_statistics (id, model_name, model_version, track_count, arc_length, computed_utc, descriptors_mean, descriptors_sd, emotion_mean, emotion_sd, arc_mean, arc_sd, melody_mean, melody_sd)
                VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                ON CONFLICT (id) DO UPDATE SET model_name = excluded.model_name, model_version = excluded.model_version, track_count = excluded.track_count,
                    arc_length = excluded.arc_length, computed_utc = excluded.computed_utc, descriptors_mean = excluded.descriptors_mean, descriptors_sd = excluded.descriptors_sd,
                    emotion_mean = excluded.emotion_mean, emotion_sd = excluded.emotion_sd, arc_mean = excluded.arc_mean, arc_sd = excluded.arc_sd,
                    melody_mean = excluded.melody_mean, melody_sd = excluded.melody_sd;
                """);
            upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = statistics.ModelName });
            upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = statistics.ModelVersion });
            upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = statistics.TrackCount });
            upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = statistics.ArcLength });
            upsert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = statistics.ComputedUtc.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            foreach (BlockStatistics block in new[] { statistics.Descriptors, statistics.EmotionStatistics, statistics.EmotionArc })
            {
                upsert.Parameters.Add(new NpgsqlParameter<float[]> { TypedValue = block.Mean.ToArray() });
                upsert.Parameters.Add(new NpgsqlParameter<float[]> { TypedValue = block.StandardDeviation.ToArray() });
            }

            upsert.Parameters.Add(Parameter(statistics.Melody?.Mean.ToArray(), array: true));
            upsert.Parameters.Add(Parameter(statistics.Melody?.StandardDeviation.ToArray(), array: true));

            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
    }

    /// <summary>Releases the pooled connections (when the catalog opened them).</summary>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    /// <summary>Releases the pooled connections (when the catalog opened them).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Inserts <paramref name="track"/> within the caller's transaction (no commit), bumping the revision when it is
    /// new. The job queue uses it to store a track and finish its job atomically.
    /// </summary>
    /// <returns>True when the track was inserted, false when its id was already there.</returns>
    internal async Task<bool> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TrackRecord track, CancellationToken cancellationToken)
    {
        object?[] values = TrackRows.Values(track, Name);
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {Schema}.tracks ({TrackColumns}) VALUES ({TrackParameters}) ON CONFLICT (id) DO NOTHING;",
            connection, transaction);
        for (int i = 0; i < values.Length; i++)
        {
            insert.Parameters.Add(Parameter(values[i], array: i >= PresenceColumn)); // presence and melody are real[], null in some rows
        }

        bool added = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        if (added)
        {
            await BumpRevisionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    /// <summary>Runs a database call (after the schema is ready), translating Npgsql's exceptions into <see cref="CatalogException"/>.</summary>
    internal async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        await MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresErrors.IsDatabaseError(ex))
        {
            throw PostgresErrors.Translate(Name, ex);
        }
    }

    /// <summary>Runs a database call that returns nothing, translating Npgsql's exceptions.</summary>
    internal async Task GuardAsync(Func<Task> action) =>
        await GuardAsync(async () =>
        {
            await action().ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken) =>
        await GuardAsync(async () =>
        {
            await using NpgsqlCommand command = _dataSource.CreateCommand(sql);
            return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }).ConfigureAwait(false);

    private async Task BumpRevisionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var bump = new NpgsqlCommand($"UPDATE {Schema}.catalog_state SET revision = revision + 1 WHERE id = 1;", connection, transaction);
        await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private TrackRecord ReadTrack(NpgsqlDataReader reader, int first = 0) =>
        TrackRows.Read(reader, first, static (r, column) => r.GetFieldValue<float[]>(column),
            static (r, column) => new DateTimeOffset(r.GetFieldValue<DateTime>(column), TimeSpan.Zero), Name);

    /// <summary>A row value as a typed parameter of its column (real[], timestamptz, smallint, text ...); a null is typed real[] when <paramref name="array"/>, else text.</summary>
    private static NpgsqlParameter Parameter(object? value, bool array = false) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = array ? NpgsqlDbType.Array | NpgsqlDbType.Real : NpgsqlDbType.Text },
        string text => new NpgsqlParameter<string> { TypedValue = text },
        double number => new NpgsqlParameter<double> { TypedValue = number },
        DateTimeOffset time => new NpgsqlParameter<DateTime> { TypedValue = time.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
        float[] floats => new NpgsqlParameter<float[]> { TypedValue = floats },
        int tonic => new NpgsqlParameter<short> { TypedValue = checked((short)tonic) },
        bool flag => new NpgsqlParameter<bool> { TypedValue = flag },
        _ => throw new ArgumentException($"A track row holds no {value.GetType().Name} values.", nameof(value)),
    };

    private float[] Floats(NpgsqlDataReader reader, int column, string what)
    {
        float[] values = reader.GetFieldValue<float[]>(column);
        return Array.TrueForAll(values, float.IsFinite)
            ? values
            : throw new CatalogException(Name, $"{what}: a stored curve or vector is damaged (holds a non-finite value)");
    }
}
