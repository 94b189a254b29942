namespace MusicEmotion.Evaluation.Export;

/// <summary>Progress of an export: clips done (exported or skipped) out of the total.</summary>
/// <param name="Done">Clips finished.</param>
/// <param name="Total">Clips in the export.</param>
/// <param name="CurrentClip">The clip just finished.</param>
internal readonly record struct DatasetExportProgress(int Done, int Total, string CurrentClip);
