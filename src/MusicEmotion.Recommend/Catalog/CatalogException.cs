namespace MusicEmotion.Recommend.Catalog;

/// <summary>
/// A catalog cannot be opened, read or written: the file is not a catalog or is damaged, it was made by a newer
/// version of the library, or a record is invalid. The message names the catalog and the problem; nothing partial is
/// ever written.
/// </summary>
public sealed class CatalogException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="catalog">The catalog (a file path, or a description such as "in-memory catalog").</param>
    /// <param name="problem">What is wrong, and what to do when that helps.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public CatalogException(string catalog, string problem, Exception? inner = null)
        : base($"{catalog}: {problem}", inner)
    {
        Catalog = catalog;
        Problem = problem;
    }

    /// <summary>The catalog concerned.</summary>
    public string Catalog { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
