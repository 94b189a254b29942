using MusicEmotion.Audio;
using MusicEmotion.Audio.Decoding;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Cli.Tagging;

/// <summary>
/// Tags one file without ever risking it: the file is analysed, the tags are written into a copy in the same folder, the
/// copy is read again and its tags checked, its decoded samples are compared with the original's, the original is checked
/// to be the file that was analysed, and only then does the copy replace it (an atomic rename; with a backup, the original
/// is first copied beside it). Anything that cannot be verified leaves the original untouched and is reported with the
/// reason. A crash at any point leaves the original whole and at most a temporary copy, which the next run removes.
/// </summary>
internal sealed class SafeTagWriter(TrackAnalyzer analyzer, bool write, bool backup)
{
    /// <summary>Decoded audio shorter than the declared duration by more than this share (and <see cref="TruncationSeconds"/>) counts as cut off.</summary>
    private const double TruncationShare = 0.25;

    private const double TruncationSeconds = 2.0;

    /// <summary>Called just before the original is replaced (tests use it to change the original in between).</summary>
    internal Func<string, Task>? BeforeReplace { get; init; }

    /// <summary>The model whose tags make a file count as already tagged.</summary>
    public string Model => $"{analyzer.ModelName} {analyzer.ModelVersion}";

    /// <summary>Tags (or, in a dry run, says what it would write into) the file at <paramref name="path"/>.</summary>
    public async Task<TagOutcome> TagAsync(int index, string path, CancellationToken cancellationToken)
    {
        string extension = Path.GetExtension(path);
        if (!TagFields.MimeTypes.ContainsKey(extension))
        {
            return Refused(index, path, $"{extension} files are not tagged (mer tag handles {string.Join(", ", TagFields.MimeTypes.Keys)})");
        }

        if (write && IsReadOnly(path))
        {
            return Refused(index, path, "the file is read-only; it was left untouched");
        }

        var before = new FileInfo(path);
        (long length, DateTime modified) = (before.Length, before.LastWriteTimeUtc);
        string? existing;
        try
        {
            using TagLib.File file = TagFields.Open(path, extension);
            existing = TagFields.Read(file, TagFields.Model);
        }
        catch (Exception ex) when (ex is TagLib.CorruptFileException or TagLib.UnsupportedFormatException)
        {
            return Refused(index, path, $"its tags cannot be read ({ex.Message.TrimEnd('.')}); it was left untouched");
        }

        if (existing == Model)
        {
            return new TagOutcome(index, path, TagOutcomeKind.AlreadyTagged);
        }

        AudioFileInfo declared = analyzer.EmotionAnalyzer.Loader.Probe(path, cancellationToken);
        TrackAnalysis analysis = await analyzer.AnalyzeAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        TrackRecord track = analysis.Track;
        if (declared.Duration is { } duration)
        {
            double missing = duration.TotalSeconds - track.DurationSeconds;
            if (missing > TruncationSeconds && missing > TruncationShare * duration.TotalSeconds)
            {
                return Refused(index, path, $"it declares {duration.TotalSeconds:0.0} s of audio but only {track.DurationSeconds:0.0} s decode: the file is cut off; it was left untouched");
            }
        }

        MoodTags tags = MoodTags.From(track);
        if (!write)
        {
            return new TagOutcome(index, path, TagOutcomeKind.WouldTag, tags);
        }

        string temporary = TemporaryTagFiles.For(path);
        try
        {
            File.Copy(path, temporary, overwrite: false);
            using (TagLib.File copy = TagFields.Open(temporary, extension))
            {
                TagFields.Write(copy, tags);
                copy.Save();
            }

            using (var flush = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite))
            {
                flush.Flush(flushToDisk: true); // on disk before it can replace the original
            }

            if (ReadBack(temporary, extension, tags) is { } mismatch)
            {
                return Refused(index, path, $"the tags did not read back from the tagged copy ({mismatch}); the original was left untouched");
            }

            if (!await SameAudioAsync(path, temporary, cancellationToken).ConfigureAwait(false))
            {
                return Refused(index, path, "the tagged copy does not decode to the same samples as the original; the original was left untouched");
            }

            if (BeforeReplace is { } hook)
            {
                await hook(path).ConfigureAwait(false);
            }

            var now = new FileInfo(path);
            if (!now.Exists || now.Length != length || now.LastWriteTimeUtc != modified
                || await TrackId.ComputeAsync(path, cancellationToken).ConfigureAwait(false) != track.Id)
            {
                return Refused(index, path, "the file changed while it was being tagged (replaced or rewritten by another program); it was left as it now is");
            }

            string? backupPath = null;
            if (backup)
            {
                backupPath = FreeBackupPath(path);
                File.Copy(path, backupPath, overwrite: false);
            }

            File.Move(temporary, path, overwrite: true); // rename(2): atomic on one file system
            return new TagOutcome(index, path, TagOutcomeKind.Tagged, tags) { BackupPath = backupPath };
        }
        catch (Exception ex) when (ex is TagLib.CorruptFileException or TagLib.UnsupportedFormatException)
        {
            return Refused(index, path, $"its tags cannot be written ({ex.Message.TrimEnd('.')}); it was left untouched", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refused(index, path, $"the tagged copy could not be written beside it ({ex.Message.TrimEnd('.')}); the original was left untouched", ex);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Read-only for its owner: refused even where the process could override it (as root).</summary>
    private static bool IsReadOnly(string path) => OperatingSystem.IsWindows()
        ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
        : (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) == 0;

    /// <summary>The first field whose value in the file differs from <paramref name="tags"/>, or null when all read back.</summary>
    private static string? ReadBack(string path, string extension, MoodTags tags)
    {
        using TagLib.File file = TagFields.Open(path, extension);
        foreach ((string field, string? value) in TagFields.Values(tags))
        {
            if (value is not null && TagFields.Read(file, field) is var found && found != value)
            {
                return $"{field} reads '{found}', not '{value}'";
            }
        }

        return null;
    }

    /// <summary>Whether both files decode to the same format and the same samples, bit for bit.</summary>
    private async Task<bool> SameAudioAsync(string original, string copy, CancellationToken cancellationToken)
    {
        AudioLoader loader = analyzer.EmotionAnalyzer.Loader;
        return await Task.Run(() =>
        {
            using ISampleSource a = loader.Open(original, cancellationToken), b = loader.Open(copy, cancellationToken);
            if (a.Format != b.Format)
            {
                return false;
            }

            float[] left = new float[16384], right = new float[16384];
            while (true)
            {
                int n = ReadFully(a, left), m = ReadFully(b, right);
                if (n != m || !left.AsSpan(0, n).SequenceEqual(right.AsSpan(0, m)))
                {
                    return false;
                }

                if (n == 0)
                {
                    return true;
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private static int ReadFully(ISampleSource source, float[] buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = source.Read(buffer.AsSpan(total));
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private static string FreeBackupPath(string path)
    {
        string candidate = path + ".bak";
        for (int i = 1; File.Exists(candidate); i++)
        {
            candidate = $"{path}.bak.{i}";
        }

        return candidate;
    }

    private static TagOutcome Refused(int index, string path, string reason, Exception? error = null) => new(index, path, TagOutcomeKind.Refused, Reason: reason, Error: error);
}
