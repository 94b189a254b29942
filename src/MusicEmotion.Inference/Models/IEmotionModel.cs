using MusicEmotion.Features;
using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Inference.Models;

/// <summary>
/// An emotion model: maps windows of feature frames to arousal/valence. Implementations must be safe to call
/// from several threads at once (the analyser shares one instance).
/// </summary>
public interface IEmotionModel : IDisposable
{
    /// <summary>The card that describes the model's features, window, tensors and output mapping.</summary>
    ModelCard Card { get; }

    /// <summary>
    /// Predicts one arousal/valence pair per window.
    /// </summary>
    /// <param name="windows">
    /// <paramref name="windowCount"/> windows of <paramref name="framesPerWindow"/> frames of
    /// <see cref="FeatureWidth"/> features each, row-major (<c>[window, frame, feature]</c>).
    /// </param>
    /// <param name="windowCount">Number of windows (the batch).</param>
    /// <param name="framesPerWindow">Frames per window (the card's window length, or fewer for audio shorter than it).</param>
    /// <param name="results">Receives <paramref name="windowCount"/> values on [-1, 1].</param>
    /// <exception cref="ArgumentException">Sizes do not agree.</exception>
    /// <exception cref="EmotionModelException">The model failed to run.</exception>
    void Predict(ReadOnlyMemory<float> windows, int windowCount, int framesPerWindow, Span<ArousalValence> results);

    /// <summary>Features per frame the model expects (the recipe's kinds' widths summed).</summary>
    int FeatureWidth { get; }

    /// <summary>
    /// Where the kinds the card's recipe names are found: the built-in kinds (the default), or a registry with the
    /// host's own kinds (<see cref="EmotionAnalyzerOptions.FeatureKinds"/>).
    /// </summary>
    FeatureKindRegistry FeatureKinds => FeatureKindRegistry.BuiltIn;
}
