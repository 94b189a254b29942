using MusicEmotion.Recommend.Catalog;
using System.Net.Sockets;
using Npgsql;

namespace MusicEmotion.Recommend.PostgreSql;

/// <summary>Turns Npgsql's exceptions into <see cref="CatalogException"/>s of the environment that say what was wrong and what to do.</summary>
internal static class PostgresErrors
{
    /// <summary>Whether <paramref name="exception"/> is one the catalog translates.</summary>
    public static bool IsDatabaseError(Exception exception) =>
        exception is NpgsqlException or SocketException or TimeoutException || (exception is InvalidOperationException && exception.Source == "Npgsql");

    /// <summary>The catalog exception for <paramref name="exception"/>.</summary>
    public static CatalogException Translate(string catalog, Exception exception)
    {
        string problem = exception switch
        {
            PostgresException { SqlState: "28P01" or "28000" } => "PostgreSQL refused the login (wrong user or password); check the connection string, PGPASSWORD or ~/.pgpass",
            PostgresException { SqlState: "3D000" } e => $"the database does not exist ({e.MessageText}); create it or fix the connection string",
            PostgresException { SqlState: "42501" } e => $"the user lacks a privilege the catalog needs ({e.MessageText}); grant it or use another user",
            PostgresException { SqlState: "53100" } => "the database server's disk is full",
            PostgresException { SqlState: "53300" } => "the server has too many connections; lower the workers' concurrency or raise max_connections",
            PostgresException { SqlState: "57014" } => "a statement ran longer than the command timeout and was cancelled",
            PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => "the database server is shutting down or starting; try again",
            PostgresException e => $"PostgreSQL error {e.SqlState}: {e.MessageText}",
            NpgsqlException { InnerException: SocketException socket } => $"cannot reach the PostgreSQL server ({socket.Message}); check the host, port and that the server runs",
            NpgsqlException { InnerException: TimeoutException } or TimeoutException => "timed out talking to the PostgreSQL server; check that it runs and is reachable",
            NpgsqlException e => $"PostgreSQL connection failed: {e.Message}",
            _ => exception.Message,
        };
        return CatalogException.Unavailable(catalog, problem, exception);
    }
}
