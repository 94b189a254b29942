namespace MusicEmotion.Recommend.Catalog;

/// <summary>
/// A catalog cannot be opened, read or written: the file is not a catalog or is damaged, it was made by a newer
/// version of the library, or a record is invalid. The message names the catalog and the problem; nothing partial is
/// ever written. Bad input (<see cref="MusicEmotionErrorKind.Input"/>: not a catalog, damaged, newer, an invalid
/// record) unless the store itself is unavailable (<see cref="MusicEmotionErrorKind.Environment"/>: the server cannot be
/// reached, the file is locked or read-only, the disk is full).
/// </summary>
public sealed class CatalogException : MusicEmotionException
{
    /// <summary>Creates the exception for bad input.</summary>
    /// <param name="catalog">The catalog (a file path, or a description such as "in-memory catalog").</param>
    /// <param name="problem">What is wrong, and what to do when that helps.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public CatalogException(string catalog, string problem, Exception? inner = null)
        : base(MusicEmotionErrorKind.Input, $"{catalog}: {problem}", inner)
    {
        Catalog = catalog;
        Problem = problem;
    }

    /// <summary>The catalog concerned.</summary>
    public string Catalog { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <inheritdoc />
    public override MusicEmotionErrorKind Kind => StoreUnavailable ? MusicEmotionErrorKind.Environment : MusicEmotionErrorKind.Input;

    private bool StoreUnavailable { get; init; }

    /// <summary>
    /// The store itself is unavailable (<see cref="MusicEmotionErrorKind.Environment"/>): the server cannot be reached,
    /// the file is locked or read-only, the disk is full.
    /// </summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="problem">What is wrong, and what to do when that helps.</param>
    /// <param name="inner">The underlying error.</param>
    public static CatalogException Unavailable(string catalog, string problem, Exception? inner) =>
        new(catalog, problem, inner) { StoreUnavailable = true };
}
