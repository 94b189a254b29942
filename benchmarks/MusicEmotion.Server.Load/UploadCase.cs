namespace MusicEmotion.Server.Load;

/// <summary>What an upload of the load run is, and so what the service must answer.</summary>
internal enum UploadKind
{
    /// <summary>A real clip sent for the first time in the run (201, or 200 when the service already had it).</summary>
    Original,

    /// <summary>The same bytes as an original, sent again at the same time (200, or 201 if it won the race).</summary>
    Duplicate,

    /// <summary>A file the service must refuse with one of <see cref="UploadCase.ExpectedStatuses"/>.</summary>
    Bad,
}

/// <summary>One upload of the run.</summary>
/// <param name="Label">What it is, for the report (e.g. "truncated MP3").</param>
/// <param name="FileName">The file name sent (some are hostile on purpose).</param>
/// <param name="Content">The bytes sent.</param>
/// <param name="Kind">Original, duplicate or bad.</param>
/// <param name="ExpectedStatuses">For bad uploads, the acceptable answers.</param>
/// <param name="AsMultipart">False sends the bytes raw (not a form), which must be refused.</param>
internal sealed record UploadCase(string Label, string FileName, byte[] Content, UploadKind Kind, IReadOnlyList<int> ExpectedStatuses, bool AsMultipart = true)
{
    /// <summary>The SHA-256 of the content: the id the service gives it.</summary>
    public string Id { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content));
}
