using System.Buffers;

namespace MusicEmotion.Audio.Processing;

/// <summary>
/// Base of the streaming stages that wrap and own an inner source (mix-down, resampling): one pooled scratch buffer,
/// rented on first use and returned on disposal, which also disposes the inner source.
/// </summary>
internal abstract class SampleStage(ISampleSource inner) : ISampleSource
{
    private float[]? _scratch;
    private bool _disposed;

    /// <summary>The wrapped source, owned by this stage.</summary>
    protected ISampleSource Inner { get; } = inner;

    /// <inheritdoc />
    public abstract AudioFormat Format { get; }

    /// <inheritdoc />
    public abstract long? LengthInFrames { get; }

    /// <inheritdoc />
    public abstract int Read(Span<float> buffer);

    /// <summary>The scratch buffer, at least <paramref name="samples"/> long (rented from the shared pool the first time).</summary>
    protected float[] Scratch(int samples) => _scratch ??= ArrayPool<float>.Shared.Rent(samples);

    /// <summary>Throws once the stage is disposed.</summary>
    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Disposes the inner source and returns the scratch buffer to the pool.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_scratch is not null)
        {
            ArrayPool<float>.Shared.Return(_scratch);
            _scratch = null;
        }

        Inner.Dispose();
    }
}
