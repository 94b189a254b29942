using MusicEmotion.Audio;
using NAudio.Wave;

namespace MusicEmotion.NAudio;

/// <summary>
/// An NAudio <see cref="ISampleProvider"/> seen as a MusicEmotion <see cref="ISampleSource"/>: whatever an NAudio chain
/// produces (a file reader, a mixer, effects) can be mixed down, resampled and analysed. Reads pass straight through
/// (NAudio 3 reads into a <see cref="Span{T}"/> too), checking the cancellation token each time; a failure of the
/// provider becomes an <see cref="AudioDecoderException"/> naming the source.
/// </summary>
public sealed class SampleProviderSource : ISampleSource
{
    private readonly ISampleProvider _provider;
    private readonly IDisposable? _owned;
    private readonly string _sourceName;
    private readonly CancellationToken _cancellationToken;
    private readonly int _channels;
    private bool _disposed;

    /// <summary>Wraps <paramref name="provider"/>.</summary>
    /// <param name="provider">The NAudio provider; its <see cref="WaveFormat"/> gives rate and channels.</param>
    /// <param name="sourceName">Name used in error messages and results.</param>
    /// <param name="lengthInFrames">The provider's length when known (e.g. a file reader's), else null.</param>
    /// <param name="owned">Disposed with this source (e.g. the WaveStream under the provider); null leaves everything to the caller.</param>
    /// <param name="cancellationToken">Makes <see cref="Read"/> throw <see cref="OperationCanceledException"/> once cancelled.</param>
    /// <exception cref="ArgumentException">The provider's format has no channels or no sample rate.</exception>
    public SampleProviderSource(ISampleProvider provider, string sourceName, long? lengthInFrames = null, IDisposable? owned = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(sourceName);
        WaveFormat format = provider.WaveFormat ?? throw new ArgumentException("The provider has no WaveFormat.", nameof(provider));
        if (format.Channels < 1 || format.SampleRate < 1)
        {
            throw new ArgumentException($"The provider's format ({format}) needs at least one channel and a positive sample rate.", nameof(provider));
        }

        _provider = provider;
        _owned = owned;
        _sourceName = sourceName;
        _cancellationToken = cancellationToken;
        _channels = format.Channels;
        Format = new AudioFormat(format.SampleRate, format.Channels);
        LengthInFrames = lengthInFrames is < 0 ? null : lengthInFrames;
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <inheritdoc />
    public long? LengthInFrames { get; }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="AudioDecoderException">The provider threw.</exception>
    public int Read(Span<float> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _cancellationToken.ThrowIfCancellationRequested();
        int wanted = buffer.Length - (buffer.Length % _channels);
        int got = 0;
        try
        {
            // A provider may hand back less than asked, even part of a frame: read on until whole frames are there.
            while (got < wanted)
            {
                int n = _provider.Read(buffer[got..wanted]);
                if (n <= 0)
                {
                    break;
                }

                got += n;
                if (got % _channels == 0)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException or AudioException))
        {
            throw new AudioDecoderException(_sourceName, $"the NAudio source failed ({ex.GetType().Name}: {ex.Message})", ex);
        }

        return got - (got % _channels); // a partial frame at the very end is dropped
    }

    /// <summary>Disposes what the source was given to own (nothing else).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _owned?.Dispose();
    }
}
