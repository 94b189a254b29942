using MusicEmotion.Features;
using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Inference;

/// <summary>
/// Sees the audio and the feature frames of one analysis as the model consumes them, so that a host can compute more
/// from the same decode and feature pass (the recommender's track descriptors do). Calls arrive in order on the
/// analysing thread: <see cref="OnStart"/>, then interleaved <see cref="OnSamples"/> and <see cref="OnFrame"/>, then
/// <see cref="OnComplete"/> (not called when the analysis fails). Implementations must not keep the spans.
/// </summary>
public interface IFeatureFrameObserver
{
    /// <summary>
    /// Feature kinds this observer wants to see beside the model's own, computed in the same pass from the same samples
    /// and appended after the recipe's kinds in every row <see cref="OnFrame"/> receives (the model never reads them).
    /// Asked once, before <see cref="OnStart"/>; kinds the recipe already names are left out. A registered kind that
    /// combines with the recipe's last kind (<see cref="ICombinableFeatureExtractor"/>: the note kinds of
    /// MusicEmotion.Notes share one transcription) costs no second pass over the signal. Default: none.
    /// </summary>
    /// <param name="recipe">The model's feature recipe.</param>
    /// <param name="kinds">The kinds the model's analyser can compute.</param>
    /// <returns>Names of registered kinds, in the order to append them.</returns>
    IReadOnlyList<string> AdditionalKinds(FeatureRecipe recipe, FeatureKindRegistry kinds) => [];

    /// <summary>Called once before any audio, with the model's feature recipe.</summary>
    /// <param name="recipe">The recipe whose frames <see cref="OnFrame"/> receives: the model's, followed by the <see cref="AdditionalKinds"/> asked for.</param>
    /// <param name="layout">Where each kind's columns sit in a frame, and every column's name.</param>
    void OnStart(FeatureRecipe recipe, FeatureRecipeLayout layout);

    /// <summary>Mono samples at the recipe's sample rate, in order, before they are framed.</summary>
    void OnSamples(ReadOnlySpan<float> samples);

    /// <summary>One feature frame (the kinds of the recipe given to <see cref="OnStart"/> concatenated: the model's, then any <see cref="AdditionalKinds"/>), in order.</summary>
    /// <param name="frameIndex">Index of the frame, from 0.</param>
    /// <param name="row">The frame's values, one per column.</param>
    void OnFrame(long frameIndex, ReadOnlySpan<float> row);

    /// <summary>Called once after the last frame.</summary>
    /// <param name="totalSamples">Mono samples analysed.</param>
    void OnComplete(long totalSamples);
}
