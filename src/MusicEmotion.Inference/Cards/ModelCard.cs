using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MusicEmotion.Inference.Cards;

/// <summary>
/// Everything needed to use an emotion model, as a JSON document beside the ONNX file: the feature recipe the
/// model was trained on, the context window, the input and output tensors, how raw outputs map to [-1, 1], the
/// training data and the measured metrics. Writing a card is all it takes to plug in your own ONNX model.
/// </summary>
/// <remarks>
/// The model's input is a batch of windows <c>[batch, frames, features]</c> (float32): <c>frames</c> consecutive
/// feature frames (the recipe's kinds concatenated per frame) centred on the second being predicted. Its output is
/// <c>[batch, 2]</c> (or one output per dimension), in the order of <see cref="ModelOutputSpec.Order"/>.
/// </remarks>
public sealed record ModelCard
{
    /// <summary>Current card format version.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Card format version (1).</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Short model name, e.g. "musicemotion-av".</summary>
    public required string Name { get; init; }

    /// <summary>Model version.</summary>
    public string Version { get; init; } = "1.0.0";

    /// <summary>What the model is and how it was made, in a sentence or two.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The per-frame features the model reads.</summary>
    public required FeatureRecipe Features { get; init; }

    /// <summary>The context window around each second.</summary>
    public required WindowSpec Window { get; init; }

    /// <summary>The input tensor (how an ONNX model's graph is read; the card's <c>input</c>).</summary>
    [JsonInclude]
    internal ModelInputSpec Input { get; init; } = new();

    /// <summary>The output tensor(s), their mapping to [-1, 1] and the proposed smoothing (the card's <c>output</c>).</summary>
    [JsonInclude]
    internal ModelOutputSpec Output { get; init; } = new();

    /// <summary>
    /// The smoothing the model's authors propose for its per-second values (the card's <c>output.smoothing</c>; null:
    /// none), which analyses apply by default (<see cref="EmotionSmoothing.Card"/>). Always a half-window: setting
    /// <see cref="EmotionSmoothing.None"/> stores none.
    /// </summary>
    /// <exception cref="ArgumentException">Set to <see cref="EmotionSmoothing.Card"/> (a card cannot propose itself).</exception>
    [JsonIgnore]
    public EmotionSmoothing? Smoothing
    {
        get => Output.Smoothing?.ToSmoothing(Output);
        init
        {
            if (value is { FollowsCard: true })
            {
                throw new ArgumentException("A model card proposes a half-window (EmotionSmoothing.HalfWindow), not EmotionSmoothing.Card.", nameof(value));
            }

            Output = Output with { Smoothing = value is null || value == EmotionSmoothing.None ? null : SmoothingSpec.From(value, Output) };
        }
    }

    /// <summary>Free-form description of the training data and procedure.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Training { get; init; }

    /// <summary>Measured metrics, in the shape <c>mer eval model --json</c> writes (e.g. <c>fourQuadrant.macroF1</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Metrics { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // Nulls are written: FeatureSettings.TopDb = null (no clipping) differs from its default of 80.
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Serialises the card to indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Parses and validates a card.</summary>
    /// <exception cref="EmotionModelException">The JSON is malformed or the card is invalid.</exception>
    public static ModelCard FromJson(string json, string sourceName = "model card")
    {
        ModelCard? card;
        try
        {
            card = ModelCardReader.Read(json);
        }
        catch (JsonException ex)
        {
            throw new EmotionModelException($"{sourceName}: not a valid model card ({ex.Message})", ex);
        }

        if (card is null)
        {
            throw new EmotionModelException($"{sourceName}: empty model card");
        }

        card.Validate(sourceName);
        return card;
    }

    /// <summary>Reads and validates a card file.</summary>
    /// <exception cref="EmotionModelException">The file is missing, malformed or invalid.</exception>
    public static ModelCard Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new EmotionModelException($"{path}: model card not found");
        }

        return FromJson(File.ReadAllText(path), path);
    }

    /// <summary>Checks the card for values the analyser cannot use.</summary>
    /// <exception cref="EmotionModelException">Something is out of range or missing.</exception>
    public void Validate(string sourceName = "model card")
    {
        void Fail(string problem) => throw new EmotionModelException($"{sourceName}: {problem}");

        if (FormatVersion != CurrentFormatVersion)
        {
            Fail($"formatVersion {FormatVersion} is not supported (expected {CurrentFormatVersion})");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            Fail("name is required");
        }

        if (Features?.Settings is null || Features.Kinds is null || Features.Kinds.Count == 0)
        {
            Fail("features.settings and at least one features.kinds entry are required");
        }

        IReadOnlyList<string> kinds = Features!.Kinds!;
        if (kinds.Any(string.IsNullOrWhiteSpace) || kinds.Distinct(StringComparer.OrdinalIgnoreCase).Count() != kinds.Count)
        {
            Fail($"features.kinds names each kind once, none empty (got {string.Join(", ", kinds)})");
        }

        try
        {
            Features!.Settings.Validate();
        }
        catch (ArgumentException ex)
        {
            Fail($"features.settings: {ex.Message}");
        }

        if (Window is null || !(Window.Seconds is > 0 and <= 600))
        {
            Fail("window.seconds must be in (0, 600]");
        }

        if (Window!.HopSeconds != 1.0)
        {
            Fail("window.hopSeconds must be 1 (one value per second)");
        }

        if (string.IsNullOrWhiteSpace(Input?.Name))
        {
            Fail("input.name is required");
        }

        if (Output?.Names is null || Output.Names.Count is not (1 or 2) || Output.Order is null || Output.Order.Count != 2
            || !Output.Order.Contains(EmotionDimension.Arousal) || !Output.Order.Contains(EmotionDimension.Valence))
        {
            Fail("output.names must list one tensor ([batch, 2]) or two ([batch] or [batch, 1]); output.order must be [arousal, valence] in some order");
        }

        if (Output!.Mapping is null)
        {
            Fail("output.mapping.scale and .offset must each hold two finite numbers");
        }

        Output.Mapping!.Validate(sourceName);
        Output.Smoothing?.Validate(sourceName);
    }

    /// <summary>The number of feature frames in one full window.</summary>
    public int WindowFrames => Math.Max(1, (int)Math.Round(Window.Seconds * Features.Settings.FrameRate));

    /// <summary>The value of <c>metrics.fourQuadrant.macroF1</c>, when the card records it.</summary>
    public double? RecordedMacroF1 =>
        Metrics?["fourQuadrant"]?["macroF1"] is JsonValue v && v.TryGetValue(out double d) ? d : null;
}
