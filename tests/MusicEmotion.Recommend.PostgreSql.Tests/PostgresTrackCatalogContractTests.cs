using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tests.Catalog;

namespace MusicEmotion.Recommend.PostgreSql.Tests;

/// <summary>The catalog contract against a real PostgreSQL server: every catalog in its own schema of one database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTrackCatalogContractTests(PostgresServer server) : TrackCatalogContract
{
    private readonly Lazy<string> _database = new(server.CreateDatabase);
    private int _schemas;

    protected override ITrackCatalog CreateCatalog()
    {
        server.Require();
        var options = new PostgresCatalogOptions { Schema = $"contract_{Interlocked.Increment(ref _schemas)}" };
        return PostgresTrackCatalog.OpenAsync(_database.Value, options).GetAwaiter().GetResult();
    }
}
