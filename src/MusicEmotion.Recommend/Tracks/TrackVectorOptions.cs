namespace MusicEmotion.Recommend.Tracks;

/// <summary>How tracks are turned into vector blocks.</summary>
public sealed class TrackVectorOptions
{
    /// <summary>The default arc length: 32 values per dimension.</summary>
    public const int DefaultArcLength = 32;

    /// <summary>
    /// Values per dimension of the emotional arc (the timeline resampled like <c>EmotionVector</c>). Default 32: about
    /// 6 s per value for a three-minute song, enough for the shape of a build or a drop, and with the 55 descriptors and
    /// 12 statistics a 131-value track vector.
    /// </summary>
    public int ArcLength { get; set; } = DefaultArcLength;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (ArcLength is < 2 or > 4096)
        {
            throw new ArgumentException($"ArcLength must be between 2 and 4096 (got {ArcLength}).");
        }
    }
}
