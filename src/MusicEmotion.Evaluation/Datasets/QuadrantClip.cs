using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Evaluation.Datasets;

/// <summary>One clip of a 4Q-layout dataset.</summary>
/// <param name="Id">The <c>song</c> column.</param>
/// <param name="Quadrant">The annotated quadrant.</param>
/// <param name="Split">The <c>split</c> column ("train", "val", ...), empty when the file has none.</param>
/// <param name="AudioPath">Full path of the audio file.</param>
/// <param name="Artist">The <c>artist</c> column, empty when absent.</param>
/// <param name="Title">The <c>title</c> column, empty when absent.</param>
internal sealed record QuadrantClip(string Id, EmotionQuadrant Quadrant, string Split, string AudioPath, string Artist, string Title)
{
    /// <summary>The mood tags of the optional <c>moods</c> column (separated by ';'), empty when absent.</summary>
    public IReadOnlyList<string> Moods { get; init; } = [];
}
