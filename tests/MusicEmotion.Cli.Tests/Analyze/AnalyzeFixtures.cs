using MusicEmotion.Inference.Cards;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Cli.Tests.Analyze;

/// <summary>
/// The tiny ONNX fixture of the Inference tests (mean_model.onnx: [batch, frames, 85] → [batch, 2], the mean of
/// feature columns 0 and 1) with a card written for it, so CLI tests do not depend on the shipped model.
/// </summary>
internal static class AnalyzeFixtures
{
    private static readonly Lazy<string> ModelPathLazy = new(FindMeanModel);

    /// <summary>The fixture model file, found in the repository from the test's output folder.</summary>
    public static string MeanModelPath => ModelPathLazy.Value;

    /// <summary>Whether the build embeds the shipped emotion model.</summary>
    public static bool ShippedModelPresent { get; } =
        typeof(OnnxEmotionModel).Assembly.GetManifestResourceNames().Contains("MusicEmotion.Inference.ShippedModel.emotion-model.onnx");

    /// <summary>
    /// Writes a card for mean_model.onnx into <paramref name="directory"/> and returns the <c>--model/--card</c>
    /// arguments. The mapping is tanh(0.01·x + offset), so log-mel decibels land well inside (−1, 1).
    /// </summary>
    public static string[] ModelArgs(TempDirectory directory)
    {
        var card = new ModelCard
        {
            Name = "mean-test",
            Features = DefaultFeatureRecipe.Create(),
            Window = new WindowSpec { Seconds = 2.0 },
            Output = new ModelOutputSpec
            {
                Mapping = new OutputMapping { Kind = OutputMappingKind.Tanh, Scale = [0.01, 0.01], Offset = [0.3, 0.2] },
            },
        };
        string cardPath = directory.File("mean-test.card.json");
        File.WriteAllText(cardPath, card.ToJson());
        return ["--model", MeanModelPath, "--card", cardPath];
    }

    private static string FindMeanModel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "MusicEmotion.Inference.Tests", "Fixtures", "mean_model.onnx");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("tests/MusicEmotion.Inference.Tests/Fixtures/mean_model.onnx not found above " + AppContext.BaseDirectory);
    }
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
