using System.CommandLine;
using MusicEmotion.Recommend.Catalog;

namespace MusicEmotion.Cli.Commands;

/// <summary>The --db option shared by the catalog and recommend commands.</summary>
internal static class CatalogOptions
{
    public static Option<string> Database() => new("--db")
    {
        Description = "The catalog: a SQLite file (created when missing; its folder must exist).",
        Required = true,
    };

    /// <summary>Opens an existing catalog; a missing file is an input error (commands that add create it with <see cref="SqliteTrackCatalog.Open"/> directly).</summary>
    public static SqliteTrackCatalog OpenExisting(string path) =>
        File.Exists(path) ? SqliteTrackCatalog.Open(path) : throw new CliInputException($"{path}: no such catalog (add tracks with: mer catalog add <files> --db {path})");
}
