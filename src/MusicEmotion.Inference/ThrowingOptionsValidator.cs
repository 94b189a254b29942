using Microsoft.Extensions.Options;

namespace MusicEmotion.Inference;

/// <summary>Validates options with a method that throws <see cref="ArgumentException"/> (the options' own <c>Validate()</c>), reporting its message.</summary>
internal sealed class ThrowingOptionsValidator<TOptions>(Action<TOptions> validate) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        try
        {
            validate(options);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{typeof(TOptions).Name}: {ex.Message}");
        }
    }
}
