using System.Security.Cryptography;
using MusicEmotion.Audio;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>
/// A track's identity in a catalog: the SHA-256 of its encoded audio bytes, as 64 lowercase hexadecimal digits. The
/// same file added twice (under any name) is the same track; a re-encoded copy is a different one.
/// </summary>
public static class TrackId
{
    /// <summary>Length of an id in characters.</summary>
    public const int Length = 64;

    /// <summary>Hashes the file at <paramref name="path"/>.</summary>
    /// <exception cref="AudioSourceNotFoundException">The file does not exist or cannot be read.</exception>
    public static async Task<string> ComputeAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new AudioSourceNotFoundException(path, ex is UnauthorizedAccessException ? "cannot be read (permission denied)" : "no such file", ex);
        }

        await using (file.ConfigureAwait(false))
        {
            return await ComputeAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Hashes <paramref name="stream"/> from its current position to its end (the stream is not disposed).</summary>
    public static async Task<string> ComputeAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Hashes bytes already in memory.</summary>
    public static string Compute(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Whether <paramref name="id"/> is 64 lowercase hexadecimal digits.</summary>
    public static bool IsValid(string? id)
    {
        if (id is null || id.Length != Length)
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns <paramref name="id"/> in canonical (lowercase) form.</summary>
    /// <exception cref="ArgumentException">It is not a SHA-256 hex string.</exception>
    public static string Normalize(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        string lower = id.Trim().ToLowerInvariant();
        return IsValid(lower)
            ? lower
            : throw new ArgumentException($"'{Shorten(id)}' is not a track id (64 hexadecimal digits, the SHA-256 of the audio file).", nameof(id));
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
