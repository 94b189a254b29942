using System.Text;

namespace MusicEmotion.Evaluation.Csv;

/// <summary>
/// A small RFC 4180 CSV reader: comma-separated, double-quoted fields may contain commas, quotes ("") and
/// line breaks; the first row is the header. Rows with a different field count than the header are errors.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Count; i++)
        {
            _columns.TryAdd(header[i], i);
        }
    }

    /// <summary>The file the table was read from.</summary>
    public string Path { get; }

    /// <summary>Column names, as written in the first row (trimmed).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows.</summary>
    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Index of <paramref name="column"/> (case-insensitive), or -1.</summary>
    public int IndexOf(string column) => _columns.TryGetValue(column, out int i) ? i : -1;

    /// <summary>Index of a column that must exist.</summary>
    /// <exception cref="DatasetFormatException">The column is missing.</exception>
    public int Require(string column) => IndexOf(column) is >= 0 and var i
        ? i
        : throw new DatasetFormatException(Path, $"missing column '{column}' (header: {string.Join(",", Header)})");

    /// <summary>Reads a CSV file.</summary>
    /// <exception cref="DatasetFormatException">The file is missing, empty or malformed.</exception>
    public static CsvTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetFormatException(path, "file not found");
        }

        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException(path, $"cannot be read: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses CSV text; <paramref name="path"/> is used in error messages.</summary>
    public static CsvTable Parse(string text, string path)
    {
        var records = new List<(int Line, List<string> Fields)>();
        var field = new StringBuilder();
        var fields = new List<string>();
        int line = 1, recordLine = 1;
        bool inQuotes = false, fieldStarted = false;
        int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    if (!(fields.Count == 1 && fields[0].Length == 0))
                    {
                        records.Add((recordLine, fields));
                    }

                    fields = new List<string>();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new DatasetFormatException(path, $"line {recordLine}: a quoted field is never closed");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        if (records.Count == 0)
        {
            throw new DatasetFormatException(path, "file is empty (no header row)");
        }

        string[] header = records[0].Fields.Select(h => h.Trim()).ToArray();
        var rows = new List<CsvRow>(records.Count - 1);
        foreach (var (recordAt, values) in records.Skip(1))
        {
            if (values.Count != header.Length)
            {
                throw new DatasetFormatException(path, $"line {recordAt}: {values.Count} fields, but the header has {header.Length}");
            }

            rows.Add(new CsvRow(recordAt, values));
        }

        return new CsvTable(path, header, rows);
    }
}

/// <summary>One data row of a <see cref="CsvTable"/>.</summary>
/// <param name="Line">The 1-based line the row starts on, for error messages.</param>
/// <param name="Fields">The raw field values.</param>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>The field at <paramref name="index"/>, trimmed.</summary>
    public string this[int index] => Fields[index].Trim();
}
