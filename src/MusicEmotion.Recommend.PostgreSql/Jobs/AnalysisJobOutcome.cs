namespace MusicEmotion.Recommend.PostgreSql.Jobs;

/// <summary>How one job a worker took ended.</summary>
public enum AnalysisJobOutcome
{
    /// <summary>Analysed; the track was stored with the job in one transaction.</summary>
    Added,

    /// <summary>The audio (same SHA-256) was already in the catalog: done without decoding.</summary>
    AlreadyPresent,

    /// <summary>The attempt failed; the job will be tried again.</summary>
    Retrying,

    /// <summary>The attempt failed and was the last allowed: the file is set aside with its error.</summary>
    SetAside,

    /// <summary>The lease was taken over before the job finished (this worker was cut off or too slow): nothing was written.</summary>
    LeaseLost,

    /// <summary>The worker was stopped mid-job and gave the job back (the attempt does not count).</summary>
    Released,

    /// <summary>
    /// The catalog held the audio (same SHA-256) as analysed by another model, or by the same model
    /// without the melody block it gives (<see cref="Tracks.CurrentAnalysis.IsCurrent"/>): analysed again, and the row replaced
    /// with the job in one transaction.
    /// </summary>
    Reanalysed,
}
