namespace MusicEmotion;

/// <summary>
/// Base of every error MusicEmotion raises on purpose. Its <see cref="Kind"/> says who can fix it (see
/// <see cref="MusicEmotionErrorKind"/>), so a host needs one <c>catch</c> and no list of exception types; the message
/// says what was wrong and, where one applies, what to do. Anything else that escapes the library (an
/// <see cref="ArgumentException"/> from a wrong call, a <see cref="NullReferenceException"/>) is a bug in the caller or in
/// the library, not bad input.
/// </summary>
/// <remarks>
/// It lives in MusicEmotion.Audio, the lowest layer every package that raises it depends on, so dependencies stay
/// one-way; the namespace is the product's own.
/// </remarks>
public abstract class MusicEmotionException : Exception
{
    private readonly MusicEmotionErrorKind _kind;

    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Who can fix it.</param>
    /// <param name="message">What was wrong and, where one applies, what to do.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    protected MusicEmotionException(MusicEmotionErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an error kind.");
        }

        _kind = kind;
    }

    /// <summary>Who can fix it: the caller, the environment, or the library's authors (a subclass may decide by what it holds).</summary>
    public virtual MusicEmotionErrorKind Kind => _kind;
}
