using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MusicEmotion.Features;

namespace MusicEmotion.Inference.Cards;

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
