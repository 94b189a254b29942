namespace MusicEmotion.Server.Api;

/// <summary>One page of the library, in the order tracks were added.</summary>
/// <param name="Items">The tracks of the page.</param>
/// <param name="Offset">Position of the first item.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Total">Tracks in the catalog.</param>
/// <param name="HasMore">Whether more tracks follow.</param>
internal sealed record TrackListResponse(IReadOnlyList<TrackListItem> Items, int Offset, int Limit, int Total, bool HasMore);
