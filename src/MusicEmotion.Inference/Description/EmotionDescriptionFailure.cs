namespace MusicEmotion.Inference.Description;

/// <summary>Why a description could not be produced.</summary>
public enum EmotionDescriptionFailure
{
    /// <summary>The describing service answered with an error status.</summary>
    ServiceError,

    /// <summary>The describing service could not be reached (connection refused, DNS failure …).</summary>
    Unreachable,

    /// <summary>The describing service did not answer within the configured time.</summary>
    Timeout,

    /// <summary>The describing service answered, but with no text.</summary>
    EmptyAnswer,

    /// <summary>The answer could not be read (malformed response).</summary>
    InvalidAnswer,
}
