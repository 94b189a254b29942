namespace MusicEmotion.Server.Api;

/// <summary>Ends a request with <see cref="Problem"/>; thrown deep inside a flow (e.g. while reading an upload) and answered by the endpoint.</summary>
internal sealed class ApiProblemException(ApiProblem problem) : Exception(problem.Detail)
{
    /// <summary>The answer to send.</summary>
    public ApiProblem Problem { get; } = problem;
}
