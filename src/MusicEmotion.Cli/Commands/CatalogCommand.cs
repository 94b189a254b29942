using System.CommandLine;

namespace MusicEmotion.Cli.Commands;

/// <summary><c>mer catalog add|list|remove|export</c>: the catalog that recommendations are drawn from.</summary>
internal static class CatalogCommand
{
    public static Command Create(TextWriter output, TextWriter error) => new("catalog", "Build and inspect a catalog of analysed tracks (a SQLite file).")
    {
        CatalogAddCommand.Create(output, error),
        CatalogListCommand.Create(output, error),
        CatalogRemoveCommand.Create(output, error),
        CatalogExportCommand.Create(output, error),
    };
}
