using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Server.Uploads;

/// <summary>A stored upload: the track, and whether this upload added it (201) or found it already there (200).</summary>
/// <param name="Track">The catalog record.</param>
/// <param name="Created">True when this upload added the track.</param>
internal sealed record UploadOutcome(TrackRecord Track, bool Created);
