using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MusicEmotion.Recommend.Catalog;

/// <summary>
/// The versioned schema of a SQLite catalog. <c>PRAGMA user_version</c> holds the version; opening a catalog applies
/// the missing migrations in order, each in its own transaction, so a catalog made by an older release is upgraded in
/// place and a failed upgrade leaves it as it was. A catalog of a newer version than this release knows is refused.
/// </summary>
internal static class SqliteCatalogSchema
{
    /// <summary>The application id stamped into every catalog file (<c>PRAGMA application_id</c>, "MERC").</summary>
    public const int ApplicationId = 0x4D455243;

    /// <summary>The migrations; migration <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c>.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 0 -> 1: tracks and the revision counter.
        """
        CREATE TABLE catalog_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        INSERT INTO catalog_meta (key, value) VALUES ('revision', '0');
        CREATE TABLE tracks (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE CHECK (length(id) = 64),
            source_name TEXT NOT NULL,
            duration_seconds REAL NOT NULL,
            model_name TEXT NOT NULL,
            model_version TEXT NOT NULL,
            added_utc TEXT NOT NULL,
            arousal BLOB NOT NULL,
            valence BLOB NOT NULL,
            descriptors BLOB NOT NULL,
            key_tonic INTEGER NOT NULL,
            key_minor INTEGER NOT NULL,
            key_strength REAL NOT NULL,
            emotion_statistics BLOB NOT NULL,
            emotion_arc BLOB NOT NULL,
            description TEXT
        ) STRICT;
        """,
        // 1 -> 2: stored standardisation statistics and the per-model index behind stale-track reports.
        """
        CREATE TABLE catalog_statistics (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            model_name TEXT NOT NULL,
            model_version TEXT NOT NULL,
            track_count INTEGER NOT NULL,
            arc_length INTEGER NOT NULL,
            computed_utc TEXT NOT NULL,
            descriptors_mean BLOB NOT NULL, descriptors_sd BLOB NOT NULL,
            emotion_mean BLOB NOT NULL, emotion_sd BLOB NOT NULL,
            arc_mean BLOB NOT NULL, arc_sd BLOB NOT NULL
        ) STRICT;
        CREATE INDEX ix_tracks_model ON tracks (model_name, model_version);
        """,
        // 2 -> 3: what each second holds (music, silence, steady signal); null in older rows means all music.
        """
        ALTER TABLE tracks ADD COLUMN presence BLOB;
        """,
        // 3 -> 4: the melody block (note-aware models) and its statistics; null in older rows: embedded without the block.
        """
        ALTER TABLE tracks ADD COLUMN melody BLOB;
        ALTER TABLE catalog_statistics ADD COLUMN melody_mean BLOB;
        ALTER TABLE catalog_statistics ADD COLUMN melody_sd BLOB;
        """,
    ];

    /// <summary>The version this release writes.</summary>
    public static int CurrentVersion => Migrations.Count;

    /// <summary>Brings the catalog behind <paramref name="connection"/> to <paramref name="targetVersion"/> (default: current).</summary>
    /// <exception cref="CatalogException">The file is not a catalog or is newer than this release.</exception>
    public static void Migrate(SqliteConnection connection, string name, int? targetVersion = null)
    {
        int target = targetVersion ?? CurrentVersion;
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        int version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        int application = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA application_id"), CultureInfo.InvariantCulture);
        long tables = Convert.ToInt64(Scalar(connection, transaction, "SELECT count(*) FROM sqlite_master"), CultureInfo.InvariantCulture);
        if (application != ApplicationId && (application != 0 || version != 0 || tables != 0))
        {
            throw new CatalogException(name, "is a SQLite database but not a MusicEmotion catalog (its application id or tables differ); give a new file name for a new catalog");
        }

        if (version > CurrentVersion)
        {
            throw new CatalogException(name, $"was written by a newer MusicEmotion (catalog schema {version}; this release reads up to {CurrentVersion}); upgrade the library");
        }

        for (int v = version; v < target; v++)
        {
            Execute(connection, transaction, Migrations[v]);
        }

        if (target > version)
        {
            Execute(connection, transaction, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {target};");
        }

        transaction.Commit();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
