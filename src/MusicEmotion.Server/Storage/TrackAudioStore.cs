using MusicEmotion.Audio.Decoding;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Server.Hosting;

namespace MusicEmotion.Server.Storage;

/// <summary>
/// The stored audio: one file per track named by its id (the SHA-256 of the bytes) under a two-character shard,
/// <c>audio/ab/abcdef…</c>. Files arrive by an atomic rename from the staging folder, so a stored file is always
/// whole; paths are built from validated ids only.
/// </summary>
internal sealed class TrackAudioStore(StorageLayout layout)
{
    /// <summary>The folder of stored audio.</summary>
    public string Directory => layout.AudioDirectory;

    /// <summary>The path of the audio of <paramref name="trackId"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="trackId"/> is not a track id.</exception>
    public string PathOf(string trackId)
    {
        if (!TrackId.IsValid(trackId))
        {
            throw new ArgumentException($"'{trackId}' is not a track id.", nameof(trackId));
        }

        return Path.Combine(layout.AudioDirectory, trackId[..2], trackId);
    }

    /// <summary>
    /// The path of the MIDI transcription of <paramref name="trackId"/>'s audio, kept beside it (<c>audio/ab/abcdef….notes-1.mid</c>;
    /// the number changes when the transcription does, so an older file is not served). Not a track id, so
    /// <see cref="EnumerateStored"/> never counts it as audio; <see cref="Delete"/> removes it with the audio.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="trackId"/> is not a track id.</exception>
    public string NotesMidiPathOf(string trackId) => PathOf(trackId) + ".notes-1.mid";

    /// <summary>Whether the audio of <paramref name="trackId"/> is stored.</summary>
    public bool Contains(string trackId) => File.Exists(PathOf(trackId));

    /// <summary>A new, unique staging file path (for the upload endpoint's reader).</summary>
    public string NewStagingPath() => Path.Combine(layout.StagingDirectory, Guid.NewGuid().ToString("N") + ".upload");

    /// <summary>Moves <paramref name="upload"/> into place under its id (an atomic rename).</summary>
    /// <returns>True when this call stored the file; false when the same content was already stored (the staged copy is dropped).</returns>
    public bool Commit(StagedUpload upload)
    {
        string destination = PathOf(upload.TrackId);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        try
        {
            File.Move(upload.Path, destination, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(destination))
        {
            upload.Dispose();
            return false;
        }
    }

    /// <summary>Deletes the audio of <paramref name="trackId"/> and what was derived from it (its notes' MIDI file).</summary>
    /// <returns>True when the audio file was deleted.</returns>
    public bool Delete(string trackId)
    {
        File.Delete(NotesMidiPathOf(trackId));
        string path = PathOf(trackId);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    /// <summary>The container of the stored audio ("mp3", "wav"...), sniffed from its first bytes; null when unknown or missing.</summary>
    public string? ContainerOf(string trackId)
    {
        try
        {
            using var file = new FileStream(PathOf(trackId), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            Span<byte> head = stackalloc byte[64];
            int read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return AudioSignatures.Identify(head[..read]);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Every stored file whose name is a track id, with its path.</summary>
    public IEnumerable<(string TrackId, string Path)> EnumerateStored()
    {
        foreach (string shard in System.IO.Directory.EnumerateDirectories(layout.AudioDirectory))
        {
            string name = Path.GetFileName(shard);
            if (name.Length != 2 || name.StartsWith('.'))
            {
                continue;
            }

            foreach (string file in System.IO.Directory.EnumerateFiles(shard))
            {
                string id = Path.GetFileName(file);
                if (TrackId.IsValid(id) && id.StartsWith(name, StringComparison.Ordinal))
                {
                    yield return (id, file);
                }
            }
        }
    }
}
