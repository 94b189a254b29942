namespace MusicEmotion.Audio.Ffmpeg;

/// <summary>Where to find ffmpeg and how long to wait for it.</summary>
public sealed class FfmpegOptions
{
    /// <summary>The ffmpeg executable: a bare name looked up on PATH, or a full path. Default "ffmpeg".</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The ffprobe executable (used by <c>Probe</c>): a bare name looked up on PATH, or a full path. Default "ffprobe".</summary>
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>How long a probe may take before it is abandoned. Default 30 seconds.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
