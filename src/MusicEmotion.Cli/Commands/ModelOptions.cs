using System.CommandLine;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// The --model/--card/--smoothing options shared by commands that run the emotion model, and the analyser they name:
/// loaded by the library's own <see cref="EmotionAnalyzer.CreateDefault"/> and <see cref="EmotionAnalyzer.LoadModel"/>.
/// </summary>
internal static class ModelOptions
{
    public static Option<string?> ModelPath() => new("--model") { Description = "Your own ONNX emotion model (needs --card); default: the shipped model." };

    public static Option<string?> CardPath() => new("--card") { Description = "The model card (JSON) of --model." };

    public static Option<string?> Smoothing() => new("--smoothing")
    {
        Description = "Temporal smoothing of the per-second values: card (default: the model card's choice), none, or a half-window in seconds (centred moving average of 2·N+1 seconds).",
    };

    /// <summary>The --smoothing value as an <see cref="EmotionSmoothing"/> (absent = the card's).</summary>
    public static EmotionSmoothing ParseSmoothing(string? value)
    {
        if (value is null)
        {
            return EmotionSmoothing.Card;
        }

        try
        {
            return EmotionSmoothing.Parse(value);
        }
        catch (FormatException ex)
        {
            throw new CliInputException($"--smoothing: {ex.Message}");
        }
    }

    /// <summary>An analyser (owning its model) with <paramref name="options"/> and the model --model/--card name (default: the shipped one).</summary>
    /// <exception cref="CliInputException">--model without --card (or the other way round), or an option out of range.</exception>
    public static EmotionAnalyzer CreateAnalyzer(string? modelPath, string? cardPath, EmotionAnalyzerOptions? options = null) =>
        EmotionAnalyzer.CreateDefault(Checked(modelPath, cardPath, options));

    /// <summary>The model --model/--card name (default: the shipped one); the caller disposes it.</summary>
    /// <exception cref="CliInputException">--model without --card, or the other way round.</exception>
    public static IEmotionModel Load(string? modelPath, string? cardPath) => EmotionAnalyzer.LoadModel(Checked(modelPath, cardPath, null));

    private static EmotionAnalyzerOptions Checked(string? modelPath, string? cardPath, EmotionAnalyzerOptions? options)
    {
        if ((modelPath is null) != (cardPath is null))
        {
            throw new CliInputException("--model and --card go together");
        }

        options ??= new EmotionAnalyzerOptions();
        options.ModelPath = modelPath;
        options.ModelCardPath = cardPath;
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new CliInputException(ex.Message);
        }

        return options;
    }
}
