namespace MusicEmotion.Recommend.Tracks;

/// <summary>The outcome of importing one file.</summary>
/// <param name="Index">Position of the file in the input.</param>
/// <param name="Path">The file.</param>
/// <param name="Status">Added, already present, or failed.</param>
/// <param name="TrackId">The file's id (null when it could not even be read).</param>
/// <param name="Track">The record, when the track was added (null when skipped or failed).</param>
/// <param name="Error">Why it failed.</param>
/// <param name="ErrorType">The exception type name when it failed.</param>
public sealed record TrackImportResult(int Index, string Path, TrackImportStatus Status, string? TrackId, TrackRecord? Track, string? Error, string? ErrorType);
