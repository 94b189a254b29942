using MusicEmotion.Audio;
using NAudio.Wave;

namespace MusicEmotion.NAudio;

/// <summary>
/// Live audio from an NAudio capture device (<see cref="IWaveIn"/>: WASAPI, WaveIn, loopback) as a pull
/// <see cref="ISampleSource"/>. The device pushes buffers on its own thread (<see cref="IWaveIn.DataAvailable"/>); they
/// queue in a bounded buffer, and <see cref="Read"/> blocks until samples arrive, the recording stops (the end of the
/// source) or the token is cancelled. PCM 8/16/24/32-bit and IEEE float devices are converted by NAudio.
/// </summary>
/// <remarks>
/// The analysis runs far faster than real time, so the buffer stays nearly empty; should the reader fall behind by
/// more than <see cref="BufferDuration"/>, incoming audio that does not fit is dropped rather than stalling the
/// device's thread, and <see cref="DroppedBytes"/> counts it. Disposing unsubscribes from the device but does not stop or dispose it: the
/// host that started recording stops it.
/// </remarks>
public sealed class CaptureSampleSource : ISampleSource
{
    /// <summary>How much audio may wait unread before the oldest is dropped.</summary>
    public static readonly TimeSpan BufferDuration = TimeSpan.FromSeconds(60);

    private readonly IWaveIn _device;
    private readonly BufferedWaveProvider _buffer;
    private readonly ISampleProvider _samples;
    private readonly string _sourceName;
    private readonly CancellationToken _cancellationToken;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly int _channels;
    private Exception? _deviceError;
    private long _droppedBytes;
    private volatile bool _stopped;
    private bool _disposed;

    /// <summary>Subscribes to <paramref name="device"/>: start recording after this (audio delivered before is not seen).</summary>
    /// <param name="device">The capture device; its <see cref="IWaveIn.WaveFormat"/> must be PCM or IEEE float.</param>
    /// <param name="sourceName">Name used in results and error messages (e.g. the device's name).</param>
    /// <param name="cancellationToken">Ends a blocked <see cref="Read"/> with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentException">The device's format cannot be converted to float samples.</exception>
    public CaptureSampleSource(IWaveIn device, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(sourceName);
        WaveFormat format = device.WaveFormat ?? throw new ArgumentException("The capture device has no WaveFormat.", nameof(device));
        _buffer = new BufferedWaveProvider(format, BufferDuration) { ReadFully = false, DiscardOnBufferOverflow = true };
        try
        {
            _samples = _buffer.ToSampleProvider();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The capture format ({format}) is not PCM or IEEE float: {ex.Message}", nameof(device), ex);
        }

        _device = device;
        _sourceName = sourceName;
        _cancellationToken = cancellationToken;
        _channels = format.Channels;
        Format = new AudioFormat(format.SampleRate, format.Channels);
        device.DataAvailable += OnDataAvailable;
        device.RecordingStopped += OnRecordingStopped;
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <summary>Always null: a live source has no known length.</summary>
    public long? LengthInFrames => null;

    /// <summary>Bytes dropped because the reader fell more than <see cref="BufferDuration"/> behind.</summary>
    public long DroppedBytes => Interlocked.Read(ref _droppedBytes);

    /// <summary>Returns the samples that have arrived, waiting for some when none have; 0 once recording has stopped and all were read.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="AudioDecoderException">The device reported an error when it stopped.</exception>
    public int Read(Span<float> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int wanted = buffer.Length - (buffer.Length % _channels);
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            bool stopped = _stopped; // read before draining: whatever arrived before the stop is then in the buffer
            int got = _samples.Read(buffer[..wanted]);
            got -= got % _channels;
            if (got > 0)
            {
                return got;
            }

            if (stopped)
            {
                return _deviceError is { } error
                    ? throw new AudioDecoderException(_sourceName, $"the capture device stopped with an error: {error.Message}", error)
                    : 0;
            }

            _signal.Wait(_cancellationToken);
        }
    }

    private void OnDataAvailable(object? sender, WaveInEventArgs e)
    {
        int free = _buffer.BufferLength - _buffer.BufferedBytes;
        if (e.BytesRecorded > free)
        {
            Interlocked.Add(ref _droppedBytes, e.BytesRecorded - Math.Max(free, 0));
        }

        _buffer.AddSamples(e.Buffer, 0, e.BytesRecorded);
        Release();
    }

    private void OnRecordingStopped(object? sender, StoppedEventArgs e)
    {
        _deviceError = e.Exception;
        _stopped = true;
        Release();
    }

    private void Release()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Unsubscribes from the device (which keeps running: the host stops it).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _device.DataAvailable -= OnDataAvailable;
        _device.RecordingStopped -= OnRecordingStopped;
        _signal.Dispose();
    }
}
