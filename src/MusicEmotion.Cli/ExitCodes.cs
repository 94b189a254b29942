namespace MusicEmotion.Cli;

/// <summary>The process exit codes of <c>mer</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command line could not be parsed (unknown option, missing argument).</summary>
    public const int UsageError = 1;

    /// <summary>An input was bad (unreadable audio, invalid settings file, unwritable output).</summary>
    public const int InputError = 2;

    /// <summary>The user cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
