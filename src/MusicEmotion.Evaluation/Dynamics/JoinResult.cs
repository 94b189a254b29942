namespace MusicEmotion.Evaluation.Dynamics;

/// <summary>One join and the step responses of the evaluated output and of the unsmoothed output.</summary>
/// <param name="First">Id of the clip heard first.</param>
/// <param name="Second">Id of the clip heard second.</param>
/// <param name="Direction">Rising or falling arousal.</param>
/// <param name="JoinSeconds">Where the second clip starts.</param>
/// <param name="Output">The response of the evaluated output (with the chosen smoothing).</param>
/// <param name="Unsmoothed">The response of the same model without smoothing.</param>
internal sealed record JoinResult(string First, string Second, JoinDirection Direction, double JoinSeconds, StepResponse Output, StepResponse Unsmoothed);
