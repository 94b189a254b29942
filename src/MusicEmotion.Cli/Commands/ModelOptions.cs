using MusicEmotion.Cli.Output;
using System.CommandLine;
using System.Globalization;
using MusicEmotion.Evaluation.ModelEvaluation;
using MusicEmotion.Inference.Models;
using MusicEmotion.Inference.Windowing;

namespace MusicEmotion.Cli.Commands;

/// <summary>The --model/--card options shared by commands that run the emotion model.</summary>
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

    public static IEmotionModel Load(string? modelPath, string? cardPath) => (modelPath, cardPath) switch
    {
        (null, null) => OnnxEmotionModel.LoadDefault(),
        (not null, not null) => OnnxEmotionModel.Load(modelPath, cardPath),
        _ => throw new CliInputException("--model and --card go together"),
    };
}
