namespace MusicEmotion.Server.Load;

/// <summary>What happened to one upload of the run.</summary>
/// <param name="Case">The upload.</param>
/// <param name="Status">The final answer's status (0 when the connection failed).</param>
/// <param name="Code">The final answer's problem code, if any.</param>
/// <param name="Attempts">Requests sent (1 + retries after 503 or 429).</param>
/// <param name="Busy">503 and 429 answers received on the way.</param>
/// <param name="LastRequest">Duration of the request that got the final answer.</param>
/// <param name="EndToEnd">From the first send to the final answer, waits included.</param>
/// <param name="Error">The transport error, when there was no answer.</param>
internal sealed record UploadResult(UploadCase Case, int Status, string? Code, int Attempts, int Busy, TimeSpan LastRequest, TimeSpan EndToEnd, string? Error)
{
    /// <summary>Whether the service stored or found the track.</summary>
    public bool Accepted => Status is 200 or 201;
}
