namespace MusicEmotion.Recommend.Recommending;

/// <summary>The overall shape of a track's arousal over time, as explanations name it.</summary>
public enum ArcShape
{
    /// <summary>Arousal stays about level.</summary>
    Steady,

    /// <summary>Arousal rises from the first third to the last: a calm-to-intense build.</summary>
    Build,

    /// <summary>Arousal falls from the first third to the last: an intense-to-calm fade.</summary>
    Fade,

    /// <summary>Arousal is highest in the middle third: it builds to a peak and settles.</summary>
    Peak,

    /// <summary>Arousal is lowest in the middle third: a quiet middle between livelier parts.</summary>
    Dip,
}
