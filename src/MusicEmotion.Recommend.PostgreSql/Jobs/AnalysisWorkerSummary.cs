namespace MusicEmotion.Recommend.PostgreSql.Jobs;

/// <summary>What a worker did before it stopped.</summary>
/// <param name="Added">Tracks analysed and stored.</param>
/// <param name="AlreadyPresent">Jobs whose audio was already in the catalog.</param>
/// <param name="Retrying">Failed attempts that will be retried.</param>
/// <param name="SetAside">Files set aside after their last attempt.</param>
/// <param name="LeaseLost">Jobs lost to another worker after their lease expired.</param>
/// <param name="Released">Jobs given back when the worker was stopped.</param>
/// <param name="Elapsed">How long the worker ran.</param>
public sealed record AnalysisWorkerSummary(int Added, int AlreadyPresent, int Retrying, int SetAside, int LeaseLost, int Released, TimeSpan Elapsed)
{
    /// <summary>Files whose stored track another model made, or the same model without the melody block it gives: analysed again and the row replaced (not counted in <see cref="Added"/>).</summary>
    public int Reanalysed { get; init; }

    /// <summary>Songs finished (analysed and stored, or found present) per second of running.</summary>
    public double SongsPerSecond => Elapsed > TimeSpan.Zero ? (Added + Reanalysed + AlreadyPresent) / Elapsed.TotalSeconds : 0;
}
