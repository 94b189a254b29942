namespace MusicEmotion.Evaluation.Datasets;

/// <summary>One Emotify track with its listeners' induced-emotion profile.</summary>
/// <param name="Id">The <c>track_id</c>.</param>
/// <param name="Genre">classical, rock, electronic or pop.</param>
/// <param name="AudioPath">Full path of the audio file.</param>
/// <param name="GemsProfile">Mean of the listeners' 0/1 votes for each of <see cref="EmotifyDataset.GemsNames"/>.</param>
/// <param name="MeanMood">Mean <c>mood</c> rating (1–5).</param>
/// <param name="LikedShare">Share of listeners who liked it.</param>
/// <param name="Ratings">How many listeners rated it.</param>
internal sealed record EmotifyTrack(string Id, string Genre, string AudioPath, IReadOnlyList<double> GemsProfile, double MeanMood, double LikedShare, int Ratings);
