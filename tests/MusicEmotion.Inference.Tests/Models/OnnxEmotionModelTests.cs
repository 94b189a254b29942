using MusicEmotion.Inference.Cards;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Inference.Tests.Models;

public class OnnxEmotionModelTests
{
    private const int W = TestModels.Width;

    /// <summary>Windows [count, frames, 85] of reproducible values on [-1, 1].</summary>
    private static float[] Windows(int count, int frames, int seed)
    {
        var random = new Random(seed);
        var data = new float[count * frames * W];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return data;
    }

    /// <summary>Mean over frames of column <paramref name="column"/> of window <paramref name="window"/>.</summary>
    private static float ColumnMean(float[] data, int window, int frames, int column)
    {
        double sum = 0;
        for (int f = 0; f < frames; f++)
        {
            sum += data[((window * frames) + f) * W + column];
        }

        return (float)(sum / frames);
    }

    private static ArousalValence[] Predict(IEmotionModel model, float[] data, int count, int frames)
    {
        var results = new ArousalValence[count];
        model.Predict(data, count, frames, results);
        return results;
    }

    [Fact]
    public void Mean_model_outputs_the_mapped_means_of_columns_0_and_1()
    {
        var mapping = new OutputMapping { Scale = [0.5, 0.25], Offset = [0.1, -0.2] };
        using OnnxEmotionModel model = TestModels.LoadMean(TestModels.MeanCard(mapping: mapping));
        model.FeatureWidth.Should().Be(W);
        float[] data = Windows(5, 9, seed: 1);

        ArousalValence[] results = Predict(model, data, 5, 9);

        for (int w = 0; w < 5; w++)
        {
            float arousal = mapping.Apply(0, ColumnMean(data, w, 9, 0));
            float valence = mapping.Apply(1, ColumnMean(data, w, 9, 1));
            results[w].Arousal.Should().BeApproximately(arousal, 1e-6f);
            results[w].Valence.Should().BeApproximately(valence, 1e-6f);
            (0.1 + (0.5 * ColumnMean(data, w, 9, 0))).Should().BeApproximately(results[w].Arousal, 1e-6, "scale 0.5, offset 0.1, unclamped here");
        }

        results.Select(r => r.Arousal).Distinct().Should().HaveCount(5, "different windows give different values");
    }

    [Fact]
    public void Order_valence_arousal_swaps_the_columns()
    {
        var mapping = new OutputMapping { Scale = [0.5, 0.25], Offset = [0.1, -0.2] };
        using OnnxEmotionModel model = TestModels.LoadMean(TestModels.MeanCard(mapping: mapping, order: [EmotionDimension.Valence, EmotionDimension.Arousal]));
        float[] data = Windows(4, 6, seed: 2);

        ArousalValence[] results = Predict(model, data, 4, 6);

        for (int w = 0; w < 4; w++)
        {
            // Column 0 (and mapping entry 0) is valence now; column 1 (mapping entry 1) is arousal.
            results[w].Valence.Should().BeApproximately(0.1f + (0.5f * ColumnMean(data, w, 6, 0)), 1e-6f);
            results[w].Arousal.Should().BeApproximately(-0.2f + (0.25f * ColumnMean(data, w, 6, 1)), 1e-6f);
        }
    }

    [Fact]
    public void Tanh_mapping_is_applied_to_the_model_output()
    {
        var mapping = new OutputMapping { Kind = OutputMappingKind.Tanh, Scale = [3.0, -2.0], Offset = [0.0, 0.5] };
        using OnnxEmotionModel model = TestModels.LoadMean(TestModels.MeanCard(mapping: mapping));
        float[] data = Windows(2, 3, seed: 3);

        ArousalValence[] results = Predict(model, data, 2, 3);

        for (int w = 0; w < 2; w++)
        {
            results[w].Arousal.Should().BeApproximately((float)Math.Tanh(3.0 * ColumnMean(data, w, 3, 0)), 1e-6f);
            results[w].Valence.Should().BeApproximately((float)Math.Tanh(0.5 - (2.0 * ColumnMean(data, w, 3, 1))), 1e-6f);
        }
    }

    [Fact]
    public void Split_model_with_outputs_named_per_dimension()
    {
        // split_model.onnx: output "valence" = mean of column 1, output "arousal" = mean of column 0.
        var mapping = new OutputMapping { Scale = [0.5, 0.25], Offset = [0.1, -0.2] };
        ModelCard card = TestModels.MeanCard(mapping: mapping) with
        {
            Output = new ModelOutputSpec { Names = ["valence", "arousal"], Order = [EmotionDimension.Valence, EmotionDimension.Arousal], Mapping = mapping },
        };
        using OnnxEmotionModel model = OnnxEmotionModel.Load(TestModels.Bytes("split_model.onnx"), card);
        float[] data = Windows(3, 8, seed: 4);

        ArousalValence[] results = Predict(model, data, 3, 8);

        for (int w = 0; w < 3; w++)
        {
            results[w].Valence.Should().BeApproximately(0.1f + (0.5f * ColumnMean(data, w, 8, 1)), 1e-6f);
            results[w].Arousal.Should().BeApproximately(-0.2f + (0.25f * ColumnMean(data, w, 8, 0)), 1e-6f);
        }
    }

    [Fact]
    public void Split_model_outputs_can_be_listed_in_either_order()
    {
        ModelCard card = TestModels.MeanCard() with
        {
            Output = new ModelOutputSpec { Names = ["arousal", "valence"], Order = [EmotionDimension.Arousal, EmotionDimension.Valence] },
        };
        using OnnxEmotionModel model = OnnxEmotionModel.Load(TestModels.Bytes("split_model.onnx"), card);
        float[] data = Windows(2, 4, seed: 5);

        ArousalValence[] results = Predict(model, data, 2, 4);

        for (int w = 0; w < 2; w++)
        {
            results[w].Arousal.Should().BeApproximately(ColumnMean(data, w, 4, 0), 1e-6f);
            results[w].Valence.Should().BeApproximately(ColumnMean(data, w, 4, 1), 1e-6f);
        }
    }

    [Fact]
    public void Card_input_name_missing_from_the_graph_is_rejected()
    {
        ModelCard card = TestModels.MeanCard() with { Input = new ModelInputSpec { Name = "mel" } };
        FluentActions.Invoking(() => OnnxEmotionModel.Load(TestModels.Bytes("mean_model.onnx"), card, sourceName: "mine.onnx"))
            .Should().Throw<EmotionModelException>().WithMessage("mine.onnx: the graph has no input 'mel' (it has: features)");
    }

    [Fact]
    public void Card_output_name_missing_from_the_graph_is_rejected()
    {
        ModelCard card = TestModels.MeanCard() with { Output = new ModelOutputSpec { Names = ["av"] } };
        FluentActions.Invoking(() => OnnxEmotionModel.Load(TestModels.Bytes("mean_model.onnx"), card))
            .Should().Throw<EmotionModelException>().WithMessage("*no output 'av'*arousal_valence*");
    }

    [Fact]
    public void Fixed_frames_axis_must_match_the_card_window()
    {
        FluentActions.Invoking(() => OnnxEmotionModel.Load(TestModels.Bytes("fixed_frames.onnx"), TestModels.MeanCard(seconds: 3.0)))
            .Should().Throw<EmotionModelException>().WithMessage("*fixed 7 frames*window is 129 frames*");
    }

    [Fact]
    public void Fixed_frames_axis_equal_to_the_card_window_loads()
    {
        double seconds = 7 / (22050 / 512.0); // exactly 7 frames
        ModelCard card = TestModels.MeanCard(seconds: seconds);
        card.WindowFrames.Should().Be(7);
        using OnnxEmotionModel model = OnnxEmotionModel.Load(TestModels.Bytes("fixed_frames.onnx"), card);
        float[] data = Windows(2, 7, seed: 6);

        ArousalValence[] results = Predict(model, data, 2, 7);

        results[1].Arousal.Should().BeApproximately(ColumnMean(data, 1, 7, 0), 1e-6f);
    }

    [Fact]
    public void Recipe_width_different_from_the_graph_is_rejected()
    {
        ModelCard card = TestModels.MeanCard() with
        {
            Features = new FeatureRecipe { Kinds = ["mfcc"], Settings = FeatureRecipe.CreateDefault().Settings },
        };
        FluentActions.Invoking(() => OnnxEmotionModel.Load(TestModels.Bytes("mean_model.onnx"), card))
            .Should().Throw<EmotionModelException>().WithMessage("*takes 85 features per frame*Mfcc*produces 20*");
    }

    [Fact]
    public void Garbage_bytes_are_rejected()
    {
        byte[] garbage = new byte[512];
        new Random(7).NextBytes(garbage);
        FluentActions.Invoking(() => OnnxEmotionModel.Load(garbage, TestModels.MeanCard(), sourceName: "junk.onnx"))
            .Should().Throw<EmotionModelException>().WithMessage("junk.onnx: ONNX Runtime cannot load it*");
    }

    [Fact]
    public void Invalid_card_is_rejected_before_loading()
    {
        ModelCard card = TestModels.MeanCard() with { Window = new WindowSpec { Seconds = 3, HopSeconds = 0.5 } };
        FluentActions.Invoking(() => OnnxEmotionModel.Load(TestModels.Bytes("mean_model.onnx"), card))
            .Should().Throw<EmotionModelException>().WithMessage("*hopSeconds*");
    }

    [Fact]
    public void Predict_validates_its_arguments()
    {
        using OnnxEmotionModel model = TestModels.LoadMean();
        float[] data = Windows(2, 3, seed: 8);
        var results = new ArousalValence[2];

        FluentActions.Invoking(() => model.Predict(data, 2, 4, results)).Should().Throw<ArgumentException>().WithParameterName("windows");
        FluentActions.Invoking(() => model.Predict(data.AsMemory(1), 2, 3, results)).Should().Throw<ArgumentException>().WithParameterName("windows");
        FluentActions.Invoking(() => model.Predict(data, 0, 3, results)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => model.Predict(data, 2, 0, results)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => model.Predict(data, 2, 3, new ArousalValence[1])).Should().Throw<ArgumentException>().WithParameterName("results");

        model.Predict(data, 2, 3, results); // the valid call still works
        results[0].Arousal.Should().BeApproximately(ColumnMean(data, 0, 3, 0), 1e-6f);
    }

    [Fact]
    public void Predict_after_dispose_throws()
    {
        OnnxEmotionModel model = TestModels.LoadMean();
        model.Dispose();
        model.Dispose(); // idempotent
        FluentActions.Invoking(() => model.Predict(Windows(1, 1, 9), 1, 1, new ArousalValence[1])).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Concurrent_predictions_equal_sequential_ones()
    {
        using OnnxEmotionModel model = TestModels.LoadMean(TestModels.MeanCard(mapping: new OutputMapping { Scale = [0.7, 0.9], Offset = [0.05, -0.05] }));
        const int calls = 8 * 50;
        float[][] inputs = Enumerable.Range(0, calls).Select(i => Windows(1 + (i % 4), 5 + (i % 3), seed: 100 + i)).ToArray();
        ArousalValence[][] sequential = inputs.Select((d, i) => Predict(model, d, 1 + (i % 4), 5 + (i % 3))).ToArray();
        var parallel = new ArousalValence[calls][];

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            for (int k = 0; k < 50; k++)
            {
                int i = (thread * 50) + k;
                parallel[i] = Predict(model, inputs[i], 1 + (i % 4), 5 + (i % 3));
            }
        });

        for (int i = 0; i < calls; i++)
        {
            parallel[i].Should().Equal(sequential[i], $"call {i} must not see another thread's data");
        }
    }

    [Fact]
    public void Load_from_files_with_a_card_file()
    {
        string folder = Path.Combine(Path.GetTempPath(), "mer-model-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string cardPath = Path.Combine(folder, "model.card.json");
            File.WriteAllText(cardPath, TestModels.MeanCard(seconds: 4).ToJson());
            using OnnxEmotionModel model = OnnxEmotionModel.Load(TestModels.FixturePath("mean_model.onnx"), cardPath);
            model.Card.WindowFrames.Should().Be(172); // 4 × 43.07

            string missing = Path.Combine(folder, "missing.onnx");
            FluentActions.Invoking(() => OnnxEmotionModel.Load(missing, cardPath))
                .Should().Throw<EmotionModelException>().WithMessage($"{missing}: ONNX model file not found");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LoadShipped_loads_the_shipped_model_or_says_how_to_train_one()
    {
        OnnxEmotionModel? model = null;
        try
        {
            model = OnnxEmotionModel.LoadShipped();
        }
        catch (EmotionModelException ex)
        {
            bool shipped = typeof(OnnxEmotionModel).Assembly.GetManifestResourceNames().Contains("MusicEmotion.Inference.ShippedModel.emotion-model.onnx");
            shipped.Should().BeFalse($"the model is embedded, so LoadShipped must not fail: {ex.Message}");
            ex.Message.Should().Contain("emotion-model.onnx").And.Contain("training/train.py").And.Contain("OnnxEmotionModel.Load");
            return;
        }

        using (model)
        {
            model.Card.Name.Should().NotBeNullOrWhiteSpace();
            model.FeatureWidth.Should().Be(85);
        }
    }
}
