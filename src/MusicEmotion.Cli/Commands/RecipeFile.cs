using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Cli.Commands;

/// <summary>Reads a feature recipe JSON file (the <c>features</c> block of a model card).</summary>
internal static class RecipeFile
{
    public static FeatureRecipe Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: recipe file not found");
        }

        string json = $"{{\"name\":\"recipe\",\"window\":{{\"seconds\":1}},\"features\":{File.ReadAllText(path)}}}";
        return ModelCard.FromJson(json, path).Features;
    }
}
