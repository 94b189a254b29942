using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MusicEmotion.Features;

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

    /// <summary>The input tensor.</summary>
    public ModelInputSpec Input { get; init; } = new();

    /// <summary>The output tensor(s) and their mapping to [-1, 1].</summary>
    public ModelOutputSpec Output { get; init; } = new();

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
            card = JsonSerializer.Deserialize<ModelCard>(json, JsonOptions);
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

/// <summary>Which per-frame features a model reads: the kinds, concatenated per frame in this order, computed with one <see cref="FeatureSettings"/>.</summary>
public sealed record FeatureRecipe
{
    /// <summary>
    /// Feature kinds concatenated per frame, by name (e.g. <c>["logMel"]</c> or <c>["logMel", "descriptors"]</c>): the
    /// built-in <c>logMel</c>, <c>mfcc</c> and <c>descriptors</c>, or a kind the host registered in a
    /// <see cref="FeatureKindRegistry"/> (<c>services.AddFeatureKind(...)</c>, <see cref="EmotionAnalyzerOptions.FeatureKinds"/>).
    /// </summary>
    public required IReadOnlyList<string> Kinds { get; init; }

    /// <summary>The settings shared by every kind (sample rate, FFT, hop, mel bands...).</summary>
    public required FeatureSettings Settings { get; init; }
}

/// <summary>The context window the model sees around each second.</summary>
public sealed record WindowSpec
{
    /// <summary>Window length in seconds, centred on the middle of the second being predicted (clamped inside the audio).</summary>
    public required double Seconds { get; init; }

    /// <summary>Seconds between predictions: always 1.</summary>
    public double HopSeconds { get; init; } = 1.0;

    /// <summary>Windows per ONNX <c>Run</c> call. Default 64.</summary>
    public int BatchSize { get; init; } = 64;
}

/// <summary>The model's input tensor.</summary>
public sealed record ModelInputSpec
{
    /// <summary>Input name in the ONNX graph. Default "features".</summary>
    public string Name { get; init; } = "features";

    /// <summary>Tensor layout: always "batch,frames,features".</summary>
    public string Layout { get; init; } = "batch,frames,features";
}

/// <summary>The two emotion dimensions.</summary>
public enum EmotionDimension
{
    /// <summary>Calm (−1) to excited (+1).</summary>
    Arousal,
    /// <summary>Unpleasant (−1) to pleasant (+1).</summary>
    Valence,
}

/// <summary>The model's output tensor(s).</summary>
public sealed record ModelOutputSpec
{
    /// <summary>One output name (a [batch, 2] tensor) or two (one per dimension, [batch] or [batch, 1]). Default ["arousal_valence"].</summary>
    public IReadOnlyList<string> Names { get; init; } = ["arousal_valence"];

    /// <summary>Which dimension each column (or each output) holds. Default [arousal, valence].</summary>
    public IReadOnlyList<EmotionDimension> Order { get; init; } = [EmotionDimension.Arousal, EmotionDimension.Valence];

    /// <summary>How raw outputs become values on [-1, 1].</summary>
    public OutputMapping Mapping { get; init; } = new();

    /// <summary>Where <paramref name="dimension"/> sits in <see cref="Order"/> (its column, output, mapping and smoothing index).</summary>
    /// <exception cref="EmotionModelException">The order lacks the dimension.</exception>
    public int IndexOf(EmotionDimension dimension)
    {
        for (int i = 0; i < Order.Count; i++)
        {
            if (Order[i] == dimension)
            {
                return i;
            }
        }

        throw new EmotionModelException($"output.order lacks {dimension}");
    }

    /// <summary>Optional temporal smoothing of the mapped per-second values; null leaves them as the model gives them.</summary>
    public TemporalSmoothing? Smoothing { get; init; }
}

/// <summary>
/// Shrinks each second's deviation from its local mean: <c>out[i] = m[i] + scale·(v[i] − m[i])</c>, where <c>m[i]</c> is
/// the mean of the mapped values of seconds <c>i − half … i + half</c> that exist. Human per-second annotations move
/// slowly; this keeps a model's second-to-second jitter at the annotations' scale. Per-dimension scales follow
/// <see cref="ModelOutputSpec.Order"/>.
/// </summary>
public sealed record TemporalSmoothing
{
    /// <summary>Seconds on each side of the local mean window (the analyser reports a second this much later).</summary>
    public int HalfWindowSeconds { get; init; } = 15;

    /// <summary>Per dimension, the factor in [0, 1] applied to deviations from the local mean (1 = no smoothing).</summary>
    public IReadOnlyList<double> DeviationScale { get; init; } = [1.0, 1.0];

    internal void Validate(string sourceName)
    {
        if (HalfWindowSeconds is < 0 or > 600 || DeviationScale is null || DeviationScale.Count != 2 || DeviationScale.Any(v => !(v >= 0 && v <= 1)))
        {
            throw new EmotionModelException($"{sourceName}: output.smoothing needs halfWindowSeconds in 0..600 and two deviationScale values in [0, 1]");
        }
    }
}

/// <summary>How a raw output <c>x</c> becomes a value on [-1, 1].</summary>
public enum OutputMappingKind
{
    /// <summary><c>clamp(offset + scale·x, −1, 1)</c>: e.g. a [1, 9] rating with scale 0.25 and offset −1.25.</summary>
    Affine,
    /// <summary><c>tanh(offset + scale·x)</c>: for logits.</summary>
    Tanh,
}

/// <summary>Per-dimension mapping of raw outputs to [-1, 1] (arrays in the order of <see cref="ModelOutputSpec.Order"/>).</summary>
public sealed record OutputMapping
{
    /// <summary>The mapping function. Default affine.</summary>
    public OutputMappingKind Kind { get; init; } = OutputMappingKind.Affine;

    /// <summary>Scale per dimension. Default [1, 1].</summary>
    public IReadOnlyList<double> Scale { get; init; } = [1.0, 1.0];

    /// <summary>Offset per dimension. Default [0, 0].</summary>
    public IReadOnlyList<double> Offset { get; init; } = [0.0, 0.0];

    /// <summary>Maps raw output <paramref name="x"/> of dimension index <paramref name="index"/>.</summary>
    public float Apply(int index, float x)
    {
        double y = Offset[index] + Scale[index] * x;
        y = Kind == OutputMappingKind.Tanh ? Math.Tanh(y) : y;
        return (float)Math.Clamp(double.IsNaN(y) ? 0 : y, -1.0, 1.0);
    }

    internal void Validate(string sourceName)
    {
        if (Scale is null || Offset is null || Scale.Count != 2 || Offset.Count != 2
            || Scale.Concat(Offset).Any(v => !double.IsFinite(v)))
        {
            throw new EmotionModelException($"{sourceName}: output.mapping.scale and .offset must each hold two finite numbers");
        }
    }
}
