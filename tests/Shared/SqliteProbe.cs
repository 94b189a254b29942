using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MusicEmotion.Tests.Shared;

/// <summary>Looks inside a SQLite file from a test, on a connection of its own (no pooling), bypassing the product's catalog code.</summary>
internal static class SqliteProbe
{
    /// <summary>The value of <c>PRAGMA <paramref name="name"/></c> as text.</summary>
    public static string Pragma(string path, string name) => Convert.ToString(Scalar(path, $"PRAGMA {name};"), CultureInfo.InvariantCulture)!;

    /// <summary>Runs one statement and returns its first value.</summary>
    public static object? Scalar(string path, string sql, bool readOnly = false)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False{(readOnly ? ";Mode=ReadOnly" : string.Empty)}");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
