using System.CommandLine;

namespace MusicEmotion.Cli.Commands;

/// <summary><c>mer catalog add|list|remove|export|enqueue|status|statistics</c>: the catalog that recommendations are drawn from.</summary>
internal static class CatalogCommand
{
    public static Command Create(TextWriter output, TextWriter error) => new("catalog", "Build and inspect a catalog of analysed tracks (a SQLite file, or a PostgreSQL catalog shared by many machines).")
    {
        CatalogAddCommand.Create(output, error),
        CatalogListCommand.Create(output, error),
        CatalogRemoveCommand.Create(output, error),
        CatalogExportCommand.Create(output, error),
        CatalogEnqueueCommand.Create(output, error),
        CatalogStatusCommand.Create(output, error),
        CatalogStatisticsCommand.Create(output, error),
    };
}
