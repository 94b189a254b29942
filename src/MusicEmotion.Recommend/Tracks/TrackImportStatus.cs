namespace MusicEmotion.Recommend.Tracks;

/// <summary>What happened to one file of an import.</summary>
public enum TrackImportStatus
{
    /// <summary>Analysed and added to the catalog.</summary>
    Added,

    /// <summary>Already in the catalog (same audio bytes): skipped without decoding.</summary>
    AlreadyPresent,

    /// <summary>Could not be read or decoded; nothing was stored.</summary>
    Failed,

    /// <summary>
    /// Already in the catalog but analysed by another model (name or version): analysed again with the current one and
    /// its row replaced.
    /// </summary>
    Reanalysed,
}
