namespace MusicEmotion.Recommend.PostgreSql.Jobs;

/// <summary>What enqueueing a batch of files did.</summary>
/// <param name="Queued">New jobs.</param>
/// <param name="Requeued">Files that had been set aside after failing, queued again with fresh attempts.</param>
/// <param name="AlreadyKnown">Files already queued, running or done (nothing changed).</param>
public sealed record EnqueueResult(int Queued, int Requeued, int AlreadyKnown)
{
    /// <summary>
    /// Files whose job was done but whose stored track another model made (or the same
    /// model without the melody block it gives), queued again to be re-analysed (only
    /// <see cref="AnalysisJobQueue.EnqueueForModelAsync"/> looks; 0 otherwise).
    /// </summary>
    public int Reanalysis { get; init; }
}
