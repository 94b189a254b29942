namespace MusicEmotion.Features.Descriptors;

/// <summary>The mode of a musical key.</summary>
public enum MusicalMode
{
    /// <summary>Major.</summary>
    Major,

    /// <summary>Minor.</summary>
    Minor,
}
