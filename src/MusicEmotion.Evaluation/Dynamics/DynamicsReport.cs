using System.Text.Json;
using System.Text.Json.Serialization;

namespace MusicEmotion.Evaluation.Dynamics;

/// <summary>The result of <c>mer eval dynamics</c>: how the per-second arousal follows joins of low- and high-arousal clips.</summary>
internal sealed record DynamicsReport
{
    /// <summary>The split evaluated, or null for every row.</summary>
    public string? Split { get; init; }

    /// <summary>The smoothing of the evaluated output ("card", "none" or a half-window in seconds).</summary>
    public required string Smoothing { get; init; }

    /// <summary>The plateaus are the values placed from this many seconds away from the join...</summary>
    public double InnerMarginSeconds { get; init; } = StepResponse.DefaultInnerMarginSeconds;

    /// <summary>...to this many (the rise is searched within it too).</summary>
    public double OuterMarginSeconds { get; init; } = StepResponse.DefaultOuterMarginSeconds;

    /// <summary>Joins measured.</summary>
    public int Joins => Results.Count;

    /// <summary>The evaluated output over every join.</summary>
    public required DynamicsSummary Output { get; init; }

    /// <summary>The same model without smoothing over every join.</summary>
    public required DynamicsSummary Unsmoothed { get; init; }

    /// <summary>The evaluated output's mean contrast as a share of the unsmoothed output's (1 = smoothing costs no contrast).</summary>
    public double ContrastRetained => Unsmoothed.MeanContrast == 0 ? double.NaN : Output.MeanContrast / Unsmoothed.MeanContrast;

    /// <summary>Every join.</summary>
    public IReadOnlyList<JoinResult> Results { get; init; } = [];

    /// <summary>Joins left out (a clip that cannot be decoded, or too short for a plateau), with the reason.</summary>
    public IReadOnlyList<ModelEvaluation.SkippedClip> Skipped { get; init; } = [];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
