namespace MusicEmotion.Recommend.PostgreSql.Jobs;

/// <summary>What recording a failed attempt did.</summary>
public enum JobFailure
{
    /// <summary>The job went back to the queue and will be tried again after the retry delay.</summary>
    Retrying,

    /// <summary>The job used its last attempt and is set aside (state <c>failed</c>) with its error; it is never retried on its own.</summary>
    SetAside,

    /// <summary>The lease had been taken over by another worker: nothing was recorded.</summary>
    LeaseLost,
}
