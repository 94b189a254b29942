using MusicEmotion.Recommend.Catalog;
using Npgsql;

namespace MusicEmotion.Recommend.PostgreSql;

/// <summary>
/// The versioned schema of a PostgreSQL catalog. <c>schema_migrations</c> lists the versions applied; opening a
/// catalog applies the missing migrations in order, each in its own transaction (PostgreSQL's DDL is transactional,
/// so a failed upgrade leaves the catalog as it was), under a transaction-scoped advisory lock so that many workers
/// starting at once migrate it exactly once. A schema of a newer version than this release knows is refused.
/// </summary>
internal static class PostgresCatalogSchema
{
    /// <summary>Key of the advisory lock taken while migrating ("MERC" + "SCHM").</summary>
    private const long MigrationLock = 0x4D455243_5343484D;

    /// <summary>The migrations; migration <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c>. <c>{s}</c> is the schema.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 0 -> 1: tracks, the revision counter and the stored statistics.
        """
        CREATE TABLE {s}.catalog_state (
            id integer PRIMARY KEY CHECK (id = 1),
            revision bigint NOT NULL);
        INSERT INTO {s}.catalog_state (id, revision) VALUES (1, 0);
        CREATE TABLE {s}.tracks (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id text NOT NULL UNIQUE CHECK (id ~ '^[0-9a-f]{64}$'),
            source_name text NOT NULL,
            duration_seconds double precision NOT NULL CHECK (duration_seconds > 0),
            model_name text NOT NULL,
            model_version text NOT NULL,
            added_utc timestamptz NOT NULL,
            arousal real[] NOT NULL,
            valence real[] NOT NULL,
            descriptors real[] NOT NULL,
            key_tonic smallint NOT NULL,
            key_minor boolean NOT NULL,
            key_strength double precision NOT NULL,
            emotion_statistics real[] NOT NULL,
            emotion_arc real[] NOT NULL,
            description text);
        CREATE INDEX ix_tracks_model ON {s}.tracks (model_name, model_version);
        CREATE TABLE {s}.catalog_statistics (
            id integer PRIMARY KEY CHECK (id = 1),
            model_name text NOT NULL,
            model_version text NOT NULL,
            track_count integer NOT NULL,
            arc_length integer NOT NULL,
            computed_utc timestamptz NOT NULL,
            descriptors_mean real[] NOT NULL, descriptors_sd real[] NOT NULL,
            emotion_mean real[] NOT NULL, emotion_sd real[] NOT NULL,
            arc_mean real[] NOT NULL, arc_sd real[] NOT NULL);
        """,
        // 1 -> 2: the analysis job queue that workers on many machines drain.
        """
        CREATE TABLE {s}.analysis_jobs (
            job_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            path text NOT NULL,
            state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
            attempts integer NOT NULL DEFAULT 0,
            max_attempts integer NOT NULL CHECK (max_attempts BETWEEN 1 AND 100),
            available_utc timestamptz NOT NULL DEFAULT now(),
            lease_token uuid,
            lease_owner text,
            lease_expires_utc timestamptz,
            enqueued_utc timestamptz NOT NULL DEFAULT now(),
            updated_utc timestamptz NOT NULL DEFAULT now(),
            track_id text,
            outcome text CHECK (outcome IN ('added', 'already_present')),
            last_error text,
            error_type text,
            CHECK ((state = 'running') = (lease_token IS NOT NULL)));
        CREATE UNIQUE INDEX ux_analysis_jobs_path ON {s}.analysis_jobs (md5(path));
        CREATE INDEX ix_analysis_jobs_open ON {s}.analysis_jobs (job_id) WHERE state IN ('pending', 'running');
        CREATE UNIQUE INDEX ux_analysis_jobs_lease ON {s}.analysis_jobs (lease_token) WHERE lease_token IS NOT NULL;
        CREATE INDEX ix_analysis_jobs_state ON {s}.analysis_jobs (state, updated_utc);
        """,
        // 2 -> 3: what each second holds (music, silence, steady signal); null in older rows means all music.
        """
        ALTER TABLE {s}.tracks ADD COLUMN presence real[];
        """,
        // 3 -> 4: the melody block (note-aware models) and its statistics; null in older rows: embedded without the block.
        """
        ALTER TABLE {s}.tracks ADD COLUMN melody real[];
        ALTER TABLE {s}.catalog_statistics ADD COLUMN melody_mean real[], ADD COLUMN melody_sd real[];
        """,
    ];

    /// <summary>The version this release writes.</summary>
    public static int CurrentVersion => Migrations.Count;

    /// <summary>Brings the schema behind <paramref name="dataSource"/> to <paramref name="targetVersion"/> (default: current).</summary>
    /// <exception cref="CatalogException">The schema holds other tables, or is newer than this release.</exception>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string schema, string name, int? targetVersion, CancellationToken cancellationToken)
    {
        int target = targetVersion ?? CurrentVersion;
        string s = Quote(schema);
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock});", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {s};", cancellationToken).ConfigureAwait(false);
        long tables = await ScalarAsync<long>(connection, transaction,
            $"SELECT count(*) FROM pg_tables WHERE schemaname = '{schema}' AND tablename <> 'schema_migrations';", cancellationToken).ConfigureAwait(false);
        bool hasMigrations = await ScalarAsync<bool>(connection, transaction,
            $"SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = '{schema}' AND tablename = 'schema_migrations');", cancellationToken).ConfigureAwait(false);
        if (!hasMigrations && tables > 0)
        {
            throw new CatalogException(name, $"schema {schema} holds tables that are not a MusicEmotion catalog; choose another schema (PostgresCatalogOptions.Schema)");
        }

        await ExecuteAsync(connection, transaction,
            $"CREATE TABLE IF NOT EXISTS {s}.schema_migrations (version integer PRIMARY KEY, applied_utc timestamptz NOT NULL DEFAULT now());", cancellationToken)
            .ConfigureAwait(false);
        int version = await ScalarAsync<int>(connection, transaction, $"SELECT coalesce(max(version), 0) FROM {s}.schema_migrations;", cancellationToken).ConfigureAwait(false);
        if (version > CurrentVersion)
        {
            throw new CatalogException(name, $"was written by a newer MusicEmotion (catalog schema {version}; this release reads up to {CurrentVersion}); upgrade the library");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        for (int v = version; v < target; v++)
        {
            await using NpgsqlTransaction step = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, step, $"SELECT pg_advisory_xact_lock({MigrationLock});", cancellationToken).ConfigureAwait(false);
            int now = await ScalarAsync<int>(connection, step, $"SELECT coalesce(max(version), 0) FROM {s}.schema_migrations;", cancellationToken).ConfigureAwait(false);
            if (now > v)
            {
                // Another process applied this step while we waited for the lock.
                await step.CommitAsync(cancellationToken).ConfigureAwait(false);
                v = now - 1;
                continue;
            }

            await ExecuteAsync(connection, step, Migrations[v].Replace("{s}", s, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, step, $"INSERT INTO {s}.schema_migrations (version) VALUES ({v + 1});", cancellationToken).ConfigureAwait(false);
            await step.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The version the schema is at (0 when it has none).</summary>
    public static async Task<int> VersionAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand($"SELECT coalesce(max(version), 0) FROM {Quote(schema)}.schema_migrations;");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The schema's name as a quoted SQL identifier (the name is validated by <see cref="PostgresCatalogOptions.Validate"/>).</summary>
    public static string Quote(string schema) => $"\"{schema}\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        object? value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
