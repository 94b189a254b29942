using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MusicEmotion.Inference.Cards;
using MusicEmotion.Inference.Tests.Models;

namespace MusicEmotion.Inference.Tests.Cards;

/// <summary>
/// The card reader (JsonDocument, no reflection) reads every card exactly as the reflection serialiser with the card's
/// options reads it: compared through the written JSON, which holds every field.
/// </summary>
public class ModelCardReaderTests
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static string Shipped(string file)
    {
        using Stream stream = typeof(ModelCard).Assembly.GetManifestResourceStream("MusicEmotion.Inference.ShippedModel." + file)!;
        return new StreamReader(stream).ReadToEnd();
    }

    public static TheoryData<string, string> Cards()
    {
        string mean = TestModels.MeanCard().ToJson();
        JsonObject edited = JsonNode.Parse(mean)!.AsObject();
        edited["output"]!["smoothing"] = new JsonObject { ["halfWindowSeconds"] = 3, ["deviationScale"] = new JsonArray(0.5, 1.0) };
        edited["output"]!["order"] = new JsonArray("valence", "arousal");
        edited["output"]!["mapping"] = new JsonObject { ["kind"] = "tanh", ["scale"] = new JsonArray(0.5, 2), ["offset"] = new JsonArray(0, -1) };
        edited["features"]!["settings"]!["topDb"] = null;
        edited["features"]!["settings"]!["window"] = "hamming";
        edited["features"]!["settings"]!["fMax"] = 7000;
        edited["training"] = new JsonObject { ["data"] = "4Q", ["epochs"] = 40 };
        edited["unknownField"] = "ignored";
        JsonObject sparse = new()
        {
            ["name"] = "sparse",
            ["features"] = new JsonObject { ["kinds"] = new JsonArray("mfcc"), ["settings"] = new JsonObject { ["sampleRate"] = 16000 } },
            ["window"] = new JsonObject { ["seconds"] = 4 },
        };
        return new TheoryData<string, string>
        {
            { "shipped audio-only model", Shipped("emotion-model.card.json") },
            { "shipped note-aware model", Shipped("emotion-model-notes.card.json") },
            { "mean test card", mean },
            { "every optional part set", edited.ToJsonString() },
            { "only the required parts", sparse.ToJsonString() },
            { "comments, trailing commas, enum numbers outside the settings", """
                { // a hand-written card
                  "name": "hand", "version": "0.1",
                  "features": { "kinds": ["logMel"], "settings": { "melBands": 40, /* as in every settings file */ "padMode": "reflect", } },
                  "window": { "seconds": 2.5, "batchSize": 8 },
                  "output": { "names": ["a", "v"], "mapping": { "kind": 1 } },
                }
                """ },
        };
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Reads_like_the_reflection_serialiser(string what, string json)
    {
        ModelCard expected = JsonSerializer.Deserialize<ModelCard>(json, SerializerOptions)!;

        ModelCard actual = ModelCardReader.Read(json)!;

        actual.ToJson().Should().Be(expected.ToJson(), what);
    }

    [Theory]
    [InlineData("""{"features": {"kinds": ["logMel"], "settings": {}}, "window": {"seconds": 1}}""", "*name*")]
    [InlineData("""{"name": "x", "window": {"seconds": 1}}""", "*features*")]
    [InlineData("""{"name": "x", "features": {"kinds": ["logMel"], "settings": {}}, "window": {}}""", "*seconds*")]
    [InlineData("""{"name": 3, "features": {"kinds": ["logMel"], "settings": {}}, "window": {"seconds": 1}}""", "*$.name*string*")]
    [InlineData("""{"name": "x", "features": {"kinds": ["logMel"], "settings": {"sampleRate": "fast"}}, "window": {"seconds": 1}}""", "*sampleRate*whole number*")]
    [InlineData("""{"name": "x", "features": {"kinds": ["logMel"], "settings": {"window": "triangle"}}, "window": {"seconds": 1}}""", "*window*hann*")]
    [InlineData("""{"name": "x", "features": {"kinds": "logMel", "settings": {}}, "window": {"seconds": 1}}""", "*kinds*array*")]
    [InlineData("""{"name": "x", """, "*")]
    [InlineData("""{"name": "x", "features": {"kinds": ["logMel"], "settings": {"padMode": 1}}, "window": {"seconds": 1}}""", "*features.settings*padMode*constant*")]
    public void Bad_cards_are_refused_with_the_place_named(string json, string message)
    {
        FluentActions.Invoking(() => ModelCard.FromJson(json, "card.json")).Should().Throw<EmotionModelException>()
            .WithMessage("card.json*").And.Message.Should().Match(message);
    }
}
