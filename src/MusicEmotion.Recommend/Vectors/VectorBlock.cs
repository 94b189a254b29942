namespace MusicEmotion.Recommend.Vectors;

/// <summary>The named parts of a track vector; each is standardised, scaled to unit norm and weighted on its own.</summary>
public enum VectorBlock
{
    /// <summary>Audio descriptors: tempo, loudness, timbre, brightness, rhythm, tonality (<c>TrackDescriptors</c>).</summary>
    Descriptors,

    /// <summary>Statistics of the emotion timeline: means, spreads, ranges, quadrant shares and trends.</summary>
    EmotionStatistics,

    /// <summary>The shape of the emotion timeline: arousal and valence resampled to a fixed length, each centred on the track's own mean.</summary>
    EmotionArc,

    /// <summary>
    /// The melody line: the mean and the standard deviation over the seconds of the ten <c>melody</c> columns of the note
    /// front end (pitch, coverage, range, interval, leap share, contour, vibrato share, rate and extent, glissando share;
    /// <see cref="TrackVectorBlocks.MelodyNames"/>). Only tracks of a model whose recipe transcribes the notes have it.
    /// </summary>
    Melody,
}
