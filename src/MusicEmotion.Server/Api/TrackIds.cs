using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Server.Api;

/// <summary>Reads track ids from request paths.</summary>
internal static class TrackIds
{
    /// <summary>The canonical (lowercase) form of <paramref name="id"/>.</summary>
    /// <exception cref="ApiProblemException">It is not a track id (400).</exception>
    public static string Parse(string id)
    {
        string lower = id.Trim().ToLowerInvariant();
        return TrackId.IsValid(lower) ? lower : throw new ApiProblemException(ApiProblem.InvalidTrackId(id));
    }
}
