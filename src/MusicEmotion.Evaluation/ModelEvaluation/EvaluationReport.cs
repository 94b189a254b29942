using System.Text.Json;
using System.Text.Json.Serialization;

namespace MusicEmotion.Evaluation.ModelEvaluation;

/// <summary>The result of <c>mer eval model</c>; serialises to the documented JSON shape.</summary>
internal sealed record EvaluationReport
{
    /// <summary>The temporal smoothing of the evaluated output ("card", "none" or a half-window in seconds), when known.</summary>
    public string? Smoothing { get; init; }

    /// <summary>Clip-level quadrant scores on a 4Q-layout folder, when one was evaluated.</summary>
    public FourQuadrantReport? FourQuadrant { get; init; }

    /// <summary>Per-second scores on a dynamic-annotation folder, when one was evaluated.</summary>
    public PerSecondReport? PerSecond { get; init; }

    /// <summary>Clips that could not be analysed, with the reason.</summary>
    public IReadOnlyList<SkippedClip> Skipped { get; init; } = [];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
