namespace MusicEmotion.Inference.Models;

/// <summary>How ONNX Runtime runs an emotion model.</summary>
public sealed class OnnxModelOptions
{
    /// <summary>
    /// Threads one <c>Run</c> may use. Default 1: a 3-minute song takes a few milliseconds, and hosts get more
    /// throughput by analysing several songs in parallel than by splitting one.
    /// </summary>
    public int IntraOpThreads { get; set; } = 1;
}
