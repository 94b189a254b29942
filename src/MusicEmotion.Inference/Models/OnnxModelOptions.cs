using MusicEmotion.Features;

namespace MusicEmotion.Inference.Models;

/// <summary>How ONNX Runtime runs an emotion model.</summary>
internal sealed class OnnxModelOptions
{
    /// <summary>
    /// Threads one <c>Run</c> may use. Default 1: a 3-minute song takes a few milliseconds, and hosts get more
    /// throughput by analysing several songs in parallel than by splitting one.
    /// </summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>
    /// Where the kinds the card's recipe names are found. Default: the built-in kinds (<c>logMel</c>, <c>mfcc</c>,
    /// <c>descriptors</c>); pass a registry holding your own kinds for a model that reads them.
    /// </summary>
    public FeatureKindRegistry FeatureKinds { get; set; } = FeatureKindRegistry.BuiltIn;
}
