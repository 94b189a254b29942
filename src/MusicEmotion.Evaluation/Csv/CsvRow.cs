namespace MusicEmotion.Evaluation.Csv;

/// <summary>One data row of a <see cref="CsvTable"/>.</summary>
/// <param name="Line">The 1-based line the row starts on, for error messages.</param>
/// <param name="Fields">The raw field values.</param>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>The field at <paramref name="index"/>, trimmed.</summary>
    public string this[int index] => Fields[index].Trim();
}
