using System.Text.Json;
using System.Text.Json.Serialization;

namespace MusicEmotion.Evaluation.ModelEvaluation;

/// <summary>The result of <c>mer eval model</c>; serialises to the documented JSON shape.</summary>
public sealed record EvaluationReport
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

/// <summary>A clip left out of an evaluation.</summary>
/// <param name="Clip">Its id.</param>
/// <param name="Reason">Why.</param>
public sealed record SkippedClip(string Clip, string Reason);

/// <summary>Quadrant classification from the clip mean of the per-second outputs (0 counts as positive).</summary>
/// <param name="Split">The split evaluated, or null for every row.</param>
/// <param name="N">Clips scored.</param>
/// <param name="Accuracy">Share of clips in the right quadrant.</param>
/// <param name="MacroF1">Mean F1 over Q1..Q4.</param>
/// <param name="ArousalSignAccuracy">Share with the right arousal sign.</param>
/// <param name="ValenceSignAccuracy">Share with the right valence sign.</param>
/// <param name="Confusion">Counts, row = true quadrant Q1..Q4, column = predicted.</param>
public sealed record FourQuadrantReport(string? Split, int N, double Accuracy, double MacroF1, double ArousalSignAccuracy, double ValenceSignAccuracy, int[][] Confusion);

/// <summary>Per-second agreement: the model's value for second floor(t) against the label at each annotated time t.</summary>
/// <param name="Clips">Clips scored.</param>
/// <param name="N">Annotated instants scored (arousal).</param>
/// <param name="Arousal">Arousal scores.</param>
/// <param name="Valence">Valence scores.</param>
/// <param name="BaselineMean">RMSE of predicting the mean label of the evaluated instants everywhere.</param>
public sealed record PerSecondReport(int Clips, int N, DimensionScores Arousal, DimensionScores Valence, BaselineScores BaselineMean);

/// <summary>RMSE, MAE and Pearson r of one dimension.</summary>
/// <param name="N">Pairs scored.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Pearson">Pearson correlation.</param>
public sealed record DimensionScores(int N, double Rmse, double Mae, double Pearson);

/// <summary>The constant-mean baseline.</summary>
/// <param name="Arousal">Arousal baseline.</param>
/// <param name="Valence">Valence baseline.</param>
public sealed record BaselineScores(RmseOnly Arousal, RmseOnly Valence);

/// <summary>An RMSE figure.</summary>
/// <param name="Rmse">Root mean squared error.</param>
public sealed record RmseOnly(double Rmse);
