using Microsoft.Extensions.Options;

namespace MusicEmotion.Server.Configuration;

/// <summary>The one check of the service's settings: fails start-up with every problem of <see cref="ServerOptions.Problems"/> spelled out.</summary>
internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        IReadOnlyList<string> problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
