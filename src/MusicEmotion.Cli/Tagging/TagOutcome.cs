using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Cli.Tagging;

/// <summary>What happened to one file.</summary>
internal enum TagOutcomeKind
{
    /// <summary>Tags written, verified and the original replaced.</summary>
    Tagged,

    /// <summary>A dry run: the tags it would write.</summary>
    WouldTag,

    /// <summary>Already tagged by the current model: left alone.</summary>
    AlreadyTagged,

    /// <summary>Not tagged: left untouched, with the reason.</summary>
    Refused,
}

/// <summary>The outcome of one file of <c>mer tag</c>.</summary>
/// <param name="Index">Its position among the inputs.</param>
/// <param name="Path">The file.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Tags">The tags written or to write.</param>
/// <param name="Reason">Why it was refused.</param>
/// <param name="Error">The error behind a refusal, if any (for the exit code).</param>
internal sealed record TagOutcome(int Index, string Path, TagOutcomeKind Kind, MoodTags? Tags = null, string? Reason = null, Exception? Error = null)
{
    /// <summary>Where the original was kept (--backup).</summary>
    public string? BackupPath { get; init; }
}
