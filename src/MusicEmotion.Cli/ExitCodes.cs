namespace MusicEmotion.Cli;

/// <summary>
/// The process exit codes of <c>mer</c> (the environment and internal codes are those of BSD's <c>sysexits.h</c>).
/// Errors say who can fix them (<see cref="MusicEmotionException.Kind"/>): bad input 2, the environment 69 or 74, a bug 70.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command line could not be parsed (unknown option, missing argument).</summary>
    public const int UsageError = 1;

    /// <summary>An input was bad (unreadable audio, invalid settings file, an option out of range, a missing output folder): fix the input.</summary>
    public const int InputError = 2;

    /// <summary>Something the command needs is unavailable (EX_UNAVAILABLE): ffmpeg missing, the database or describing service unreachable, a file locked.</summary>
    public const int EnvironmentError = 69;

    /// <summary>A bug in mer or the library (EX_SOFTWARE): the stack trace is written to a log file whose path is printed; please report it.</summary>
    public const int InternalError = 70;

    /// <summary>Reading or writing a file failed (EX_IOERR): the disk is full, a permission is missing.</summary>
    public const int IoError = 74;

    /// <summary>The user cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>The exit code for <paramref name="error"/>: by its <see cref="MusicEmotionException.Kind"/>, I/O failures as such, anything else as a bug.</summary>
    public static int For(Exception error) => error switch
    {
        MusicEmotionException { Kind: MusicEmotionErrorKind.Input } => InputError,
        MusicEmotionException { Kind: MusicEmotionErrorKind.Environment } => EnvironmentError,
        IOException or UnauthorizedAccessException => IoError,
        _ => InternalError,
    };
}
