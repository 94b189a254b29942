namespace MusicEmotion.Recommend.PostgreSql.Jobs;

/// <summary>The outcome of finishing a job.</summary>
public enum JobCompletion
{
    /// <summary>The track was stored and the job marked done, in one transaction.</summary>
    Added,

    /// <summary>A track with the same content hash was already in the catalog; the job is done and nothing else changed.</summary>
    AlreadyPresent,

    /// <summary>The lease had been taken over by another worker (this one was too slow or cut off): nothing was written.</summary>
    LeaseLost,

    /// <summary>
    /// A row with the same content hash made by another model, or by the same model without the melody block the new
    /// track has, was replaced by the new track, the job marked done, in
    /// one transaction (the old row stayed until then).
    /// </summary>
    Reanalysed,
}
