using MusicEmotion.Inference;

namespace MusicEmotion.Cli.Tests.Commands;

/// <summary>The fixture model (<see cref="MeanModelFiles"/>) as <c>mer</c>'s arguments, so CLI tests do not depend on the shipped model.</summary>
internal static class AnalyzeFixtures
{
    /// <summary>The fixture model file.</summary>
    public static string MeanModelPath => MeanModelFiles.OnnxPath;

    /// <summary>Whether the build embeds the shipped emotion model.</summary>
    public static bool ShippedModelPresent { get; } =
        typeof(EmotionAnalyzer).Assembly.GetManifestResourceNames().Contains("MusicEmotion.Inference.ShippedModel.emotion-model.onnx");

    /// <summary>
    /// Writes a card for mean_model.onnx into <paramref name="directory"/> and returns the <c>--model/--card</c>
    /// arguments. The mapping is tanh(0.01·x + offset), so log-mel decibels land well inside (−1, 1).
    /// </summary>
    public static string[] ModelArgs(TempDirectory directory) =>
        ["--model", MeanModelPath, "--card", MeanModelFiles.WriteCard(directory.Path, mapping: "tanh")];
}

/// <summary>A fact skipped, with the reason, when the build has no shipped model (it is trained separately).</summary>
public sealed class RequiresShippedModelFactAttribute : FactAttribute
{
    public RequiresShippedModelFactAttribute()
    {
        if (!AnalyzeFixtures.ShippedModelPresent)
        {
            Skip = "The shipped model (src/MusicEmotion.Inference.ShippedModel.emotion-model.onnx) is not in this build: train it with training/train.py, then rebuild.";
        }
    }
}
