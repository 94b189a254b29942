using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Cli.Commands;

/// <summary>What a user may give where a track is expected: an existing audio file, or a track id.</summary>
internal static class TrackReference
{
    /// <summary>The id of <paramref name="reference"/>: the content hash of a file, or the id itself.</summary>
    /// <exception cref="CliInputException">It is neither an existing file nor a track id.</exception>
    public static async Task<string> ResolveIdAsync(string reference, CancellationToken cancellationToken)
    {
        if (File.Exists(reference))
        {
            return await TrackId.ComputeAsync(reference, cancellationToken).ConfigureAwait(false);
        }

        return TrackId.IsValid(reference.Trim().ToLowerInvariant())
            ? TrackId.Normalize(reference)
            : throw new CliInputException($"{reference}: neither an audio file nor a track id (64 hexadecimal digits; see mer catalog list)");
    }
}
