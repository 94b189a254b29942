namespace MusicEmotion.Evaluation.Export;

/// <summary>Which layout a set of an export follows, and so which labels its index rows carry.</summary>
internal enum ExportSetKind
{
    /// <summary>A 4Q-layout folder (<c>labels.csv</c> with song, quadrant, split, audio): quadrant and sign labels per clip.</summary>
    FourQuadrant,

    /// <summary>A dynamic-annotation folder (emoMusic, DEAM or PMEmo layout): per-time labels in <c>dynamic_labels.csv</c>; clips with audio only.</summary>
    Dynamic,

    /// <summary>A folder of unlabelled audio, searched recursively.</summary>
    Reference,

    /// <summary>A MIREX-layout folder (<c>labels.csv</c> with song, cluster, mood, audio): mood cluster and tag per clip, no quadrant.</summary>
    MoodClusters,
}
