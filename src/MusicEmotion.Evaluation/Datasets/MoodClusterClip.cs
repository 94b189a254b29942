namespace MusicEmotion.Evaluation.Datasets;

/// <summary>One clip of a MIREX-layout mood dataset: the mood cluster it belongs to and the mood tag it was chosen for.</summary>
/// <param name="Id">The <c>song</c> column.</param>
/// <param name="Cluster">The MIREX mood cluster, "C1" … "C5".</param>
/// <param name="Mood">The mood tag the clip was chosen for (e.g. "Boisterous").</param>
/// <param name="AudioPath">Full path of the audio file.</param>
/// <param name="Artist">The <c>artist</c> column, empty when absent.</param>
/// <param name="Title">The <c>title</c> column, empty when absent.</param>
internal sealed record MoodClusterClip(string Id, string Cluster, string Mood, string AudioPath, string Artist, string Title);
