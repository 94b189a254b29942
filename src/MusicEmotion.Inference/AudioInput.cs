using MusicEmotion.Audio;

namespace MusicEmotion.Inference;

/// <summary>
/// What to analyse: an audio file, a stream of encoded audio (an upload) with a name, or samples a host already has as
/// an <see cref="ISampleSource"/>. A path converts implicitly, so <c>analyzer.AnalyzeAsync("song.mp3")</c> works as is.
/// </summary>
/// <remarks>
/// A file can be analysed any number of times. A stream or a sample source is read once: the analysis that reads it
/// disposes it (also when it fails or is cancelled), and a second analysis of the same input is refused.
/// </remarks>
public sealed class AudioInput
{
    private readonly string? _path;
    private Stream? _stream;
    private ISampleSource? _samples;
    private int _taken;

    private AudioInput(string name, string? path, Stream? stream, ISampleSource? samples)
    {
        Name = name;
        _path = path;
        _stream = stream;
        _samples = samples;
    }

    /// <summary>The name used in results and error messages: the path, or the name given with a stream or source.</summary>
    public string Name { get; }

    /// <summary>The file, when the input is one; null for a stream or a sample source.</summary>
    public string? FilePath => _path;

    /// <summary>An audio file in any format the analyser's decoders read (chosen by content, not by extension).</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static AudioInput FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new AudioInput(path, path, null, null);
    }

    /// <summary>Encoded audio (a whole file's bytes, e.g. an upload), read to its end and disposed by the analysis that reads it; need not be seekable.</summary>
    /// <param name="stream">The encoded audio.</param>
    /// <param name="name">The name used in results and error messages (e.g. the upload's file name).</param>
    public static AudioInput FromStream(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        return new AudioInput(name, null, stream, null);
    }

    /// <summary>
    /// Samples a host already has (its own decoder, a synthesiser, an adapter such as MusicEmotion.NAudio's): mixed down
    /// and resampled to the model's rate, read until the source ends (cancel the analysis to stop an endless one), then disposed.
    /// </summary>
    /// <param name="source">The samples.</param>
    /// <param name="name">The name used in results and error messages.</param>
    public static AudioInput FromSamples(ISampleSource source, string name)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(name);
        return new AudioInput(name, null, null, source);
    }

    /// <summary>The file at <paramref name="path"/> (see <see cref="FromFile"/>).</summary>
    public static implicit operator AudioInput(string path) => FromFile(path);

    /// <summary>The <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    /// <summary>
    /// Opens the input for one analysis. A stream or sample source is handed over (the caller disposes the returned
    /// source) and cannot be opened again; when the token is already cancelled it is disposed and the call throws.
    /// </summary>
    /// <exception cref="InvalidOperationException">A stream or sample source that an earlier analysis already read.</exception>
    internal ISampleSource Open(AudioLoader loader, CancellationToken cancellationToken)
    {
        if (_path is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return loader.Open(_path, cancellationToken);
        }

        if (Interlocked.Exchange(ref _taken, 1) != 0)
        {
            throw new InvalidOperationException($"{Name}: this input was already analysed; a stream or sample source can be read once (create a new AudioInput).");
        }

        Stream? stream = Interlocked.Exchange(ref _stream, null);
        ISampleSource? samples = Interlocked.Exchange(ref _samples, null);
        if (cancellationToken.IsCancellationRequested)
        {
            stream?.Dispose();
            samples?.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return stream is not null ? loader.Open(stream, Name, cancellationToken) : samples!;
    }

    /// <summary>Disposes a stream or sample source that no analysis took (an input refused before it was read).</summary>
    internal void Release()
    {
        if (_path is null && Interlocked.Exchange(ref _taken, 1) == 0)
        {
            Interlocked.Exchange(ref _stream, null)?.Dispose();
            Interlocked.Exchange(ref _samples, null)?.Dispose();
        }
    }
}
