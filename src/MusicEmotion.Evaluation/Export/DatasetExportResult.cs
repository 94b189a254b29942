namespace MusicEmotion.Evaluation.Export;

/// <summary>The result of an export.</summary>
/// <param name="Exported">Clips written.</param>
/// <param name="Skipped">Clips that could not be decoded, with the reason.</param>
/// <param name="IndexPath">The index CSV listing every exported clip.</param>
internal sealed record DatasetExportResult(int Exported, IReadOnlyList<(string Clip, string Reason)> Skipped, string IndexPath);
