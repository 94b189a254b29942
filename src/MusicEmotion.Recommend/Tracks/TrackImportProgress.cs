namespace MusicEmotion.Recommend.Tracks;

/// <summary>Progress of an import.</summary>
/// <param name="Completed">Files finished.</param>
/// <param name="Added">Files analysed and stored: added, or re-analysed because another model made their row.</param>
/// <param name="AlreadyPresent">Files skipped because they were already in the catalog.</param>
/// <param name="Failed">Files that failed.</param>
/// <param name="Total">Files in the import.</param>
/// <param name="LastPath">The file that just finished.</param>
public readonly record struct TrackImportProgress(int Completed, int Added, int AlreadyPresent, int Failed, int Total, string LastPath);
