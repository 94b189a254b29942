using MusicEmotion.Inference.Cards;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Inference.Tests.Models;

/// <summary>The tiny ONNX fixture models (see Fixtures/make_test_models.py) and cards that fit them.</summary>
internal static class TestModels
{
    public const int Width = 85; // 64 log-mel + 21 descriptors (the default recipe)

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(FixturePath(name));

    /// <summary>A card for mean_model.onnx: default recipe, <paramref name="seconds"/>-second window.</summary>
    public static ModelCard MeanCard(double seconds = 3.0, OutputMapping? mapping = null, IReadOnlyList<EmotionDimension>? order = null, int batchSize = 64) => new()
    {
        Name = "mean-test",
        Features = FeatureRecipe.CreateDefault(),
        Window = new WindowSpec { Seconds = seconds, BatchSize = batchSize },
        Output = new ModelOutputSpec
        {
            Mapping = mapping ?? new OutputMapping(),
            Order = order ?? [EmotionDimension.Arousal, EmotionDimension.Valence],
        },
    };

    /// <summary>
    /// A mapping that brings log-mel decibels (roughly −100…+20) into (−1, 1) without clamping, so tests that run
    /// real audio through mean_model compare unclamped values.
    /// </summary>
    public static OutputMapping DecibelMapping { get; } = new() { Scale = [0.01, 0.01], Offset = [0.3, 0.2] };

    public static OnnxEmotionModel LoadMean(ModelCard? card = null) => OnnxEmotionModel.Load(Bytes("mean_model.onnx"), card ?? MeanCard());
}
