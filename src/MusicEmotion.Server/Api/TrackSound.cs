namespace MusicEmotion.Server.Api;

/// <summary>What the analysis found about a track's sound.</summary>
/// <param name="TempoBpm">Estimated tempo in beats per minute (0 when none was found).</param>
/// <param name="Key">Estimated key, e.g. "A minor".</param>
/// <param name="KeyStrength">How clearly the music sits in that key (correlation with the key profile, −1…1).</param>
internal sealed record TrackSound(double TempoBpm, string Key, double KeyStrength);
