namespace MusicEmotion.Evaluation.Datasets;

/// <summary>Which published layout a dynamic-annotation folder follows.</summary>
internal enum DynamicDatasetLayout
{
    /// <summary>emoMusic / MediaEval 2013: <c>annotations/arousal_cont_average.csv</c>, <c>valence_cont_average.csv</c>, <c>audio/{id}.mp3</c> (or <c>clips.csv</c>).</summary>
    EmoMusic,
    /// <summary>DEAM: <c>annotations/annotations averaged per song/dynamic (per second annotations)/arousal.csv</c>, <c>valence.csv</c>, <c>MEMD_audio/{id}.mp3</c>.</summary>
    Deam,
    /// <summary>PMEmo2019: <c>annotations/dynamic_annotations.csv</c> (<c>musicId,frameTime,Arousal(mean),Valence(mean)</c> on [0, 1]), <c>chorus/{id}.mp3</c>.</summary>
    Pmemo,
}
