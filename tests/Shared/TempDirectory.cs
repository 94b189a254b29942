namespace MusicEmotion.Tests.Shared;

/// <summary>A scratch directory deleted when the test ends (the one temporary-folder helper of every test project).</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mer-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> (a file name or a relative path) inside the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/>, creating its folders.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = Prepare(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes UTF-8 text (no BOM) to <paramref name="name"/>, creating its folders.</summary>
    public string WriteText(string name, string text)
    {
        string path = Prepare(name);
        System.IO.File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Prepare(string name)
    {
        string path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return path;
    }
}
