namespace MusicEmotion.Evaluation.Datasets;

/// <summary>Mood tags as the datasets list them: one cell, tags separated by ';'.</summary>
internal static class MoodTags
{
    /// <summary>The tags of a cell, trimmed, empty ones dropped.</summary>
    public static IReadOnlyList<string> Split(string cell) =>
        cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
