using Microsoft.Extensions.Options;
using MusicEmotion.Server.Configuration;

namespace MusicEmotion.Server.Hosting;

/// <summary>
/// The service's folders and files, resolved once from <see cref="ServerOptions"/>: the catalog file, the audio folder
/// (one file per track under a two-character shard, <c>audio/ab/abcdef…</c>), the staging folder where uploads are
/// received (inside the audio folder, so that storing one is an atomic rename) and the lock file that keeps a second
/// service off the same audio folder. Nothing in it comes from a request.
/// </summary>
internal sealed class StorageLayout : IDisposable
{
    private FileStream? _lock;

    /// <summary>Resolves the paths (relative paths against the current directory).</summary>
    public StorageLayout(IOptions<ServerOptions> options)
    {
        ServerOptions o = options.Value;
        DataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(o.DataDirectory) ? DefaultDataDirectory() : o.DataDirectory);
        CatalogPath = Path.GetFullPath(string.IsNullOrWhiteSpace(o.CatalogPath) ? Path.Combine(DataDirectory, "catalog.db") : o.CatalogPath);
        AudioDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(o.AudioDirectory) ? Path.Combine(DataDirectory, "audio") : o.AudioDirectory);
        StagingDirectory = Path.Combine(AudioDirectory, ".staging");
    }

    /// <summary>The data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The SQLite catalog file.</summary>
    public string CatalogPath { get; }

    /// <summary>The stored audio.</summary>
    public string AudioDirectory { get; }

    /// <summary>Uploads being received (removed when the service starts).</summary>
    public string StagingDirectory { get; }

    /// <summary>The default data folder: the user's local application data + <c>MusicEmotion/server</c> (the current folder's <c>data</c> when there is none).</summary>
    public static string DefaultDataDirectory()
    {
        string appData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(appData) ? Path.GetFullPath("data") : Path.Combine(appData, "MusicEmotion", "server");
    }

    /// <summary>Creates the folders and takes the lock on the audio folder.</summary>
    /// <exception cref="StartupRefusal">Another service holds the audio folder, or a folder cannot be created.</exception>
    public void Prepare()
    {
        try
        {
            Directory.CreateDirectory(DataDirectory);
            Directory.CreateDirectory(AudioDirectory);
            Directory.CreateDirectory(StagingDirectory);
            string? catalogFolder = Path.GetDirectoryName(CatalogPath);
            if (catalogFolder is not null)
            {
                Directory.CreateDirectory(catalogFolder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupRefusal($"cannot create the service's folders under {DataDirectory} ({ex.Message}); set MusicEmotion:DataDirectory to a folder it may write", ex);
        }

        string lockPath = Path.Combine(AudioDirectory, ".lock");
        try
        {
            _lock ??= new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex)
        {
            throw new StartupRefusal(
                $"{AudioDirectory} is in use by another MusicEmotion service ({lockPath} is locked); give this one its own MusicEmotion:DataDirectory", ex);
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
