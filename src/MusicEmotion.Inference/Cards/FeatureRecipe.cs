using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MusicEmotion.Features;

namespace MusicEmotion.Inference.Cards;

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
