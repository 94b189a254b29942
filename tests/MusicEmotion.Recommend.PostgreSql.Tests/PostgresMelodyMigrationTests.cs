using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tests.TestSupport;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;
using Npgsql;
using NpgsqlTypes;

namespace MusicEmotion.Recommend.PostgreSql.Tests;

/// <summary>A PostgreSQL catalog of schema 3 (before the melody block) upgraded in place on a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMelodyMigrationTests(PostgresServer server)
{
    [SkippableFact]
    public async Task A_schema_3_catalog_gains_the_melody_columns_and_its_old_rows_read_without_the_block()
    {
        server.Require();
        string database = server.CreateDatabase(); // a connection string
        var options = new PostgresCatalogOptions { Schema = "before_melody", SchemaVersion = 3 };
        TrackRecord old = TestTracks.Make("before melody", TestTracks.Sound(5), TestTracks.Ramp(-0.2f, 0.4f));
        using (await PostgresTrackCatalog.OpenAsync(database, options))
        {
            await InsertAsSchema3Async(database, old);
        }

        using PostgresTrackCatalog current = await PostgresTrackCatalog.OpenAsync(database, new PostgresCatalogOptions { Schema = "before_melody" });
        TrackRecord with = TestTracks.Make("with melody", TestTracks.Sound(6), TestTracks.Ramp(-0.2f, 0.5f), melody: TestTracks.Melody(6));
        await current.AddAsync(with);
        var builder = new CatalogStatisticsBuilder(TestTracks.Model, TestTracks.Version, TrackVectorOptions.DefaultArcLength);
        builder.Add(old.Blocks);
        builder.Add(with.Blocks);
        await current.SaveStatisticsAsync(builder.Build());

        (await current.GetAsync(old.Id))!.Blocks.Melody.Should().BeNull("rows from before the melody block have none");
        (await current.GetAsync(with.Id))!.Blocks.Melody.Should().Equal(with.Blocks.Melody);
        (await current.GetStatisticsAsync())!.Melody!.Mean.Should().Equal(with.Blocks.Melody, "one track has the block: its values are the mean");
    }

    /// <summary>Writes <paramref name="track"/> as a release of schema 3 did: its first sixteen columns, no melody.</summary>
    private static async Task InsertAsSchema3Async(string connectionString, TrackRecord track)
    {
        object?[] values = TrackRows.Values(track, "v3");
        string[] columns = TrackRows.Columns.Split(", ")[..16];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO before_melody.tracks ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))});", connection);
        foreach (object? value in values.Take(16))
        {
            insert.Parameters.Add(value switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                DateTimeOffset time => new NpgsqlParameter<DateTime> { TypedValue = time.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                int tonic => new NpgsqlParameter<short> { TypedValue = checked((short)tonic) },
                var other => new NpgsqlParameter { Value = other },
            });
        }

        await insert.ExecuteNonQueryAsync();
    }
}
