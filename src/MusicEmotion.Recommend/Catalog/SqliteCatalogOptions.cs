namespace MusicEmotion.Recommend.Catalog;

/// <summary>Options of <see cref="SqliteTrackCatalog"/>.</summary>
public sealed class SqliteCatalogOptions
{
    /// <summary>How long a call waits for another writer before failing, in seconds. Default 30.</summary>
    public int BusyTimeoutSeconds { get; set; } = 30;

    /// <summary>The schema version to migrate to; null (default) means the newest. Tests use it to make catalogs of older versions.</summary>
    internal int? SchemaVersion { get; set; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (BusyTimeoutSeconds is < 1 or > 3600)
        {
            throw new ArgumentException($"BusyTimeoutSeconds must be between 1 and 3600 (got {BusyTimeoutSeconds}).");
        }
    }
}
