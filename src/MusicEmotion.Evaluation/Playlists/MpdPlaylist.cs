namespace MusicEmotion.Evaluation.Playlists;

/// <summary>One playlist of the Spotify Million Playlist Dataset.</summary>
/// <param name="Pid">The playlist id.</param>
/// <param name="Name">Its title.</param>
/// <param name="TrackIds">Spotify track ids (the last part of <c>spotify:track:…</c>), in playlist order.</param>
internal sealed record MpdPlaylist(int Pid, string Name, IReadOnlyList<string> TrackIds);
