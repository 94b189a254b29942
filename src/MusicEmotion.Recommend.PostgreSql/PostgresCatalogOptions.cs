using System.Text.RegularExpressions;

namespace MusicEmotion.Recommend.PostgreSql;

/// <summary>Options of <see cref="PostgresTrackCatalog"/>.</summary>
public sealed partial class PostgresCatalogOptions
{
    /// <summary>
    /// The PostgreSQL schema that holds the catalog's tables (created when missing). Default <c>musicemotion</c>, so
    /// the catalog never mixes with a host's own tables; several catalogs can share one database under different
    /// schemas. Lowercase letters, digits and underscores, starting with a letter or underscore, at most 63 characters.
    /// </summary>
    public string Schema { get; set; } = "musicemotion";

    /// <summary>Seconds a statement may run before it is cancelled. Default 60.</summary>
    public int CommandTimeoutSeconds { get; set; } = 60;

    /// <summary>The schema version to migrate to; null (default) means the newest. Tests use it to make catalogs of older versions.</summary>
    internal int? SchemaVersion { get; set; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (Schema is null || !SchemaName().IsMatch(Schema))
        {
            throw new ArgumentException($"Schema '{Schema}' is not a plain PostgreSQL name (lowercase letters, digits and '_', starting with a letter or '_', at most 63 characters).");
        }

        if (CommandTimeoutSeconds is < 1 or > 86_400)
        {
            throw new ArgumentException($"CommandTimeoutSeconds must be between 1 and 86400 (got {CommandTimeoutSeconds}).");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
