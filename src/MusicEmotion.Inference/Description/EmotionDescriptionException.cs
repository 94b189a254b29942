namespace MusicEmotion.Inference.Description;

/// <summary>
/// A description of a song's emotion could not be produced: the describing service failed, was unreachable or answered
/// nonsense (<see cref="MusicEmotionErrorKind.Environment"/>). Messages never contain credentials.
/// </summary>
public sealed class EmotionDescriptionException : MusicEmotionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">What went wrong.</param>
    /// <param name="message">A message saying what went wrong and where.</param>
    /// <param name="statusCode">The HTTP status the service answered with, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public EmotionDescriptionException(EmotionDescriptionFailure failure, string message, int? statusCode = null, Exception? innerException = null)
        : base(MusicEmotionErrorKind.Environment, message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
    }

    /// <summary>What went wrong.</summary>
    public EmotionDescriptionFailure Failure { get; }

    /// <summary>The HTTP status the service answered with, when it answered with an error.</summary>
    public int? StatusCode { get; }
}
