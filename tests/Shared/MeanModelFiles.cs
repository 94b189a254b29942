using System.Globalization;
using System.Text.Json.Nodes;
using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Tests.Shared;

/// <summary>
/// The tiny ONNX fixture of the Inference tests (mean_model.onnx: [batch, frames, 85] → [batch, 2], the mean of feature
/// columns 0 and 1, i.e. the two lowest log-mel bands of the default recipe) with a model card written for it, so
/// tests of the tool and the evaluations do not depend on the shipped model. Loaded the way a host loads its own model:
/// <c>EmotionAnalyzerOptions.ModelPath</c> and <c>ModelCardPath</c>.
/// </summary>
internal static class MeanModelFiles
{
    private static readonly Lazy<string> OnnxPathLazy = new(FindOnnx);

    /// <summary>mean_model.onnx, found in the repository from the test's output folder.</summary>
    public static string OnnxPath => OnnxPathLazy.Value;

    /// <summary>
    /// Writes a card for mean_model.onnx into <paramref name="folder"/> and returns its path: the default recipe, a
    /// window of <paramref name="windowSeconds"/>, an affine or tanh mapping <c>scale·x + offset</c> per dimension.
    /// </summary>
    public static string WriteCard(string folder, string name = "mean-test", double windowSeconds = 2.0, string mapping = "affine",
        double arousalScale = 0.01, double valenceScale = 0.01, double arousalOffset = 0.3, double valenceOffset = 0.2)
    {
        var card = new ModelCard { Name = name, Features = FeatureRecipe.CreateDefault(), Window = new WindowSpec { Seconds = windowSeconds } };
        JsonNode json = JsonNode.Parse(card.ToJson())!;
        json["output"]!["mapping"] = new JsonObject
        {
            ["kind"] = mapping,
            ["scale"] = new JsonArray(arousalScale, valenceScale),
            ["offset"] = new JsonArray(arousalOffset, valenceOffset),
        };
        string path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{name}.card.json"));
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static string FindOnnx()
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
