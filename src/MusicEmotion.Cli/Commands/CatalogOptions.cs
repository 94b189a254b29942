using System.CommandLine;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.PostgreSql;

namespace MusicEmotion.Cli.Commands;

/// <summary>The options that name a catalog: a SQLite file (--db) or a shared PostgreSQL catalog (--postgres, --schema).</summary>
internal sealed class CatalogOptions
{
    private CatalogOptions(bool postgresOnly)
    {
        Database = postgresOnly ? null : new Option<string?>("--db") { Description = "The catalog: a SQLite file (created when missing; its folder must exist)." };
        Postgres = new Option<string?>("--postgres")
        {
            Description = "The shared catalog in PostgreSQL, as an Npgsql connection string, e.g. \"Host=db;Database=music;Username=mer\" (keep the password in PGPASSWORD or ~/.pgpass, not on the command line).",
            Required = postgresOnly,
        };
        Schema = new Option<string>("--schema") { Description = "The PostgreSQL schema that holds the catalog (default musicemotion).", DefaultValueFactory = _ => "musicemotion" };
    }

    /// <summary>--db, or null when only PostgreSQL is accepted.</summary>
    public Option<string?>? Database { get; }

    /// <summary>--postgres.</summary>
    public Option<string?> Postgres { get; }

    /// <summary>--schema.</summary>
    public Option<string> Schema { get; }

    /// <summary>The options to add to a command.</summary>
    public IEnumerable<Option> All => Database is null ? [Postgres, Schema] : [Database, Postgres, Schema];

    /// <summary>--db or --postgres (exactly one).</summary>
    public static CatalogOptions Either() => new(postgresOnly: false);

    /// <summary>--postgres only (the shared-catalog commands: enqueue, worker, status).</summary>
    public static CatalogOptions PostgresOnly() => new(postgresOnly: true);

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Opens the catalog named on the command line.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="mustExist">A SQLite file must already exist (list, remove, export); PostgreSQL catalogs are created on first use.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public async Task<ITrackCatalog> OpenAsync(ParseResult parse, bool mustExist, CancellationToken cancellationToken)
    {
        string? path = Database is null ? null : parse.GetValue(Database);
        string? connectionString = parse.GetValue(Postgres);
        switch (path, connectionString)
        {
            case (not null, not null):
                throw new CliInputException("give either --db or --postgres, not both");
            case (null, null):
                throw new CliInputException("name the catalog: --db <file> or --postgres \"<connection string>\"");
            case (not null, null) when mustExist && !File.Exists(path):
                throw new CliInputException($"{path}: no such catalog (add tracks with: mer catalog add <files> --db {path})");
            case (not null, null):
                return SqliteTrackCatalog.Open(path);
            default:
                return await OpenPostgresAsync(parse, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens the PostgreSQL catalog named on the command line (creating or upgrading its schema).</summary>
    public async Task<PostgresTrackCatalog> OpenPostgresAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string connectionString = parse.GetValue(Postgres) ?? throw new CliInputException("--postgres is required");
        PostgresTrackCatalog catalog;
        try
        {
            catalog = PostgresTrackCatalog.Create(connectionString, new PostgresCatalogOptions { Schema = parse.GetValue(Schema)! });
        }
        catch (ArgumentException ex)
        {
            throw new CliInputException(ex.Message);
        }

        try
        {
            await catalog.CountAsync(cancellationToken).ConfigureAwait(false); // connects, creating or upgrading the schema
            return catalog;
        }
        catch
        {
            await catalog.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
