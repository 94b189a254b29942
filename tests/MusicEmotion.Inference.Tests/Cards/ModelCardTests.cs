using System.Text.Json.Nodes;
using MusicEmotion.Features;
using MusicEmotion.Inference.Cards;
using MusicEmotion.Inference.Tests.Models;

namespace MusicEmotion.Inference.Tests.Cards;

public class ModelCardTests
{
    private static ModelCard FullCard() => new()
    {
        Name = "round-trip",
        Version = "2.3.4",
        Description = "A card with every block filled in.",
        Features = FeatureRecipe.CreateDefault(),
        Window = new WindowSpec { Seconds = 6.5, BatchSize = 16 },
        Input = new ModelInputSpec { Name = "mel_in" },
        Output = new ModelOutputSpec
        {
            Names = ["valence", "arousal"],
            Order = [EmotionDimension.Valence, EmotionDimension.Arousal],
            Mapping = new OutputMapping { Kind = OutputMappingKind.Tanh, Scale = [0.5, 2.0], Offset = [0.1, -0.25] },
        },
        Training = new JsonObject { ["data"] = "4Q + DEAM", ["epochs"] = 40 },
        Metrics = new JsonObject { ["fourQuadrant"] = new JsonObject { ["macroF1"] = 0.615, ["accuracy"] = 0.63 } },
    };

    /// <summary>A valid card as a mutable JSON tree, to break one thing at a time.</summary>
    private static JsonObject ValidJson() => JsonNode.Parse(TestModels.MeanCard().ToJson())!.AsObject();

    private static EmotionModelException Rejects(string json) =>
        FluentActions.Invoking(() => ModelCard.FromJson(json, "card.json")).Should().Throw<EmotionModelException>().Which;

    [Fact]
    public void Json_round_trip_keeps_every_field()
    {
        ModelCard card = FullCard();
        string json = card.ToJson();

        ModelCard back = ModelCard.FromJson(json);

        back.Name.Should().Be("round-trip");
        back.Version.Should().Be("2.3.4");
        back.Description.Should().Be(card.Description);
        back.FormatVersion.Should().Be(ModelCard.CurrentFormatVersion);
        back.Features.Kinds.Should().Equal("logMel", "descriptors");
        back.Features.Settings.Should().Be(card.Features.Settings, "every feature setting (TopDb = null included) must survive the card");
        back.Window.Should().Be(card.Window);
        back.Input.Should().Be(card.Input);
        back.Output.Names.Should().Equal("valence", "arousal");
        back.Output.Order.Should().Equal(EmotionDimension.Valence, EmotionDimension.Arousal);
        back.Output.Mapping.Kind.Should().Be(OutputMappingKind.Tanh);
        back.Output.Mapping.Scale.Should().Equal(0.5, 2.0);
        back.Output.Mapping.Offset.Should().Equal(0.1, -0.25);
        back.Training!.ToJsonString().Should().Be(card.Training!.ToJsonString());
        back.RecordedMacroF1.Should().Be(0.615);
        back.ToJson().Should().Be(json, "serialising the parsed card must reproduce the same document");
    }

    [Fact]
    public void Json_uses_camel_case_names_and_enum_strings()
    {
        JsonObject json = JsonNode.Parse(FullCard().ToJson())!.AsObject();

        json["name"]!.GetValue<string>().Should().Be("round-trip");
        json["features"]!["kinds"]!.AsArray().Select(k => k!.GetValue<string>()).Should().Equal("logMel", "descriptors");
        json["window"]!["seconds"]!.GetValue<double>().Should().Be(6.5);
        json["output"]!["order"]!.AsArray().Select(k => k!.GetValue<string>()).Should().Equal("valence", "arousal");
        json["output"]!["mapping"]!["kind"]!.GetValue<string>().Should().Be("tanh");
    }

    [Fact]
    public void Minimal_card_gets_documented_defaults()
    {
        const string json = """
            {
              // comments and trailing commas are accepted
              "name": "mini",
              "features": { "kinds": ["logMel"], "settings": { "sampleRate": 16000, "hopLength": 160 } },
              "window": { "seconds": 2 },
            }
            """;

        ModelCard card = ModelCard.FromJson(json);

        card.Input.Name.Should().Be("features");
        card.Output.Names.Should().Equal("arousal_valence");
        card.Output.Order.Should().Equal(EmotionDimension.Arousal, EmotionDimension.Valence);
        card.Output.Mapping.Kind.Should().Be(OutputMappingKind.Affine);
        card.Window.HopSeconds.Should().Be(1.0);
        card.Window.BatchSize.Should().Be(64);
        card.WindowFrames.Should().Be(200); // 2 s × 16000 / 160
        card.RecordedMacroF1.Should().BeNull();
    }

    [Fact]
    public void Malformed_json_is_rejected_naming_the_source()
    {
        EmotionModelException ex = Rejects("{ \"name\": \"x\", ");
        ex.Message.Should().StartWith("card.json:").And.Contain("not a valid model card");
    }

    [Fact]
    public void Missing_name_is_rejected()
    {
        JsonObject json = ValidJson();
        json.Remove("name");
        Rejects(json.ToJsonString()).Message.Should().Contain("name");
    }

    [Fact]
    public void Blank_name_is_rejected()
    {
        JsonObject json = ValidJson();
        json["name"] = "  ";
        Rejects(json.ToJsonString()).Message.Should().Contain("name is required");
    }

    [Fact]
    public void Missing_features_is_rejected()
    {
        JsonObject json = ValidJson();
        json.Remove("features");
        Rejects(json.ToJsonString()).Message.Should().Contain("features");
    }

    [Fact]
    public void Empty_feature_kinds_are_rejected()
    {
        JsonObject json = ValidJson();
        json["features"]!["kinds"] = new JsonArray();
        Rejects(json.ToJsonString()).Message.Should().Contain("features.kinds");
    }

    [Fact]
    public void Invalid_feature_settings_are_rejected()
    {
        JsonObject json = ValidJson();
        json["features"]!["settings"]!["fftSize"] = 1000;
        Rejects(json.ToJsonString()).Message.Should().Contain("features.settings").And.Contain("FftSize");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(601)]
    public void Window_seconds_out_of_range_is_rejected(double seconds)
    {
        JsonObject json = ValidJson();
        json["window"]!["seconds"] = seconds;
        Rejects(json.ToJsonString()).Message.Should().Contain("window.seconds");
    }

    [Fact]
    public void Hop_other_than_one_second_is_rejected()
    {
        JsonObject json = ValidJson();
        json["window"]!["hopSeconds"] = 2;
        Rejects(json.ToJsonString()).Message.Should().Contain("window.hopSeconds");
    }

    [Fact]
    public void Mapping_with_three_scales_is_rejected()
    {
        JsonObject json = ValidJson();
        json["output"]!["mapping"]!["scale"] = new JsonArray(1.0, 1.0, 1.0);
        Rejects(json.ToJsonString()).Message.Should().Contain("output.mapping");
    }

    [Fact]
    public void Null_mapping_is_rejected_not_a_crash()
    {
        JsonObject json = ValidJson();
        json["output"]!["mapping"] = null;
        Rejects(json.ToJsonString()).Message.Should().Contain("output.mapping");
    }

    [Fact]
    public void Order_lacking_valence_is_rejected()
    {
        JsonObject json = ValidJson();
        json["output"]!["order"] = new JsonArray("arousal", "arousal");
        Rejects(json.ToJsonString()).Message.Should().Contain("output.order");
    }

    [Fact]
    public void Three_output_names_are_rejected()
    {
        JsonObject json = ValidJson();
        json["output"]!["names"] = new JsonArray("a", "b", "c");
        Rejects(json.ToJsonString()).Message.Should().Contain("output.names");
    }

    [Fact]
    public void Unsupported_format_version_is_rejected()
    {
        JsonObject json = ValidJson();
        json["formatVersion"] = 2;
        Rejects(json.ToJsonString()).Message.Should().Contain("formatVersion 2");
    }

    [Fact]
    public void Blank_input_name_is_rejected()
    {
        JsonObject json = ValidJson();
        json["input"]!["name"] = "";
        Rejects(json.ToJsonString()).Message.Should().Contain("input.name");
    }

    [Fact]
    public void Load_reports_a_missing_file()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-card-" + Guid.NewGuid().ToString("N") + ".json");
        FluentActions.Invoking(() => ModelCard.Load(path)).Should().Throw<EmotionModelException>()
            .WithMessage($"*{path}*not found*");
    }

    [Fact]
    public void Load_reads_a_card_file()
    {
        string path = Path.Combine(Path.GetTempPath(), "card-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            File.WriteAllText(path, FullCard().ToJson());
            ModelCard.Load(path).Name.Should().Be("round-trip");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RecordedMacroF1_reads_metrics_fourQuadrant_macroF1()
    {
        TestModels.MeanCard().RecordedMacroF1.Should().BeNull();
        (TestModels.MeanCard() with { Metrics = new JsonObject { ["fourQuadrant"] = new JsonObject { ["macroF1"] = 0.5 } } })
            .RecordedMacroF1.Should().Be(0.5);
        (TestModels.MeanCard() with { Metrics = new JsonObject { ["fourQuadrant"] = new JsonObject { ["accuracy"] = 0.5 } } })
            .RecordedMacroF1.Should().BeNull();
        (TestModels.MeanCard() with { Metrics = new JsonObject { ["fourQuadrant"] = new JsonObject { ["macroF1"] = "high" } } })
            .RecordedMacroF1.Should().BeNull();

        string json = """{"name":"m","features":{"kinds":["logMel"],"settings":{}},"window":{"seconds":3},"metrics":{"fourQuadrant":{"macroF1":0.72}}}""";
        ModelCard.FromJson(json).RecordedMacroF1.Should().Be(0.72);
    }

    [Theory]
    [InlineData(3.0, 22050, 512, 129)]     // 129.199 → 129
    [InlineData(10.0, 22050, 512, 431)]    // 430.664 → 431
    [InlineData(2.0, 16000, 160, 200)]
    [InlineData(0.01, 22050, 512, 1)]      // 0.43 rounds to 0, at least one frame
    public void WindowFrames_is_seconds_times_frame_rate_rounded(double seconds, int sampleRate, int hop, int expected)
    {
        ModelCard card = TestModels.MeanCard(seconds) with
        {
            Features = new FeatureRecipe { Kinds = ["logMel"], Settings = new FeatureSettings { SampleRate = sampleRate, HopLength = hop } },
        };

        card.WindowFrames.Should().Be(expected);
    }
}
