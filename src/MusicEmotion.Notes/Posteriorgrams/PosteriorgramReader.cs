using MusicEmotion.Audio;
using MusicEmotion.Notes.Model;

namespace MusicEmotion.Notes.Posteriorgrams;

/// <summary>
/// Streams a 22,050 Hz mono source through the model window by window with the reference's rule (see
/// <see cref="BasicPitchGeometry"/>): half an overlap of zeros first, windows of 43,844 samples every 36,164 samples,
/// zeros after the end, 15 frames dropped from each side of every window's output (by the model itself, which computes
/// the kept frames only), and frames kept while they are centred inside the signal. Only one window of samples is held, whatever the length of the source.
/// </summary>
/// <remarks>Not thread-safe; one reader per transcription. The model is shared.</remarks>
internal sealed class PosteriorgramReader : IDisposable
{
    private readonly BasicPitchModel _model;
    private readonly ISampleSource _source;
    private readonly Action<ReadOnlySpan<float>>? _sampleTap;
    private readonly WindowBuffers _buffers = new();
    private long _window;          // index of the next window to run
    private long _samplesRead;     // samples taken from the source so far
    private int _filled;           // samples of the current window that hold data or leading zeros (the rest is zero)
    private bool _primed;
    private bool _endOfSource;
    private bool _finished;

    /// <summary>Creates a reader over <paramref name="source"/>, which must be mono at 22,050 Hz.</summary>
    /// <param name="model">The shared model.</param>
    /// <param name="source">The samples (not disposed by the reader).</param>
    /// <param name="sampleTap">Sees every sample read, in order (e.g. a tempo estimate of the same signal).</param>
    public PosteriorgramReader(BasicPitchModel model, ISampleSource source, Action<ReadOnlySpan<float>>? sampleTap = null)
    {
        if (source.Format.Channels != 1 || source.Format.SampleRate != BasicPitchGeometry.SampleRate)
        {
            throw new ArgumentException($"The source must be mono at {BasicPitchGeometry.SampleRate} Hz (it is {source.Format}).", nameof(source));
        }

        _model = model;
        _source = source;
        _sampleTap = sampleTap;
    }

    /// <summary>Samples read from the source so far (all of them once <see cref="ReadWindow"/> has returned false).</summary>
    public long SamplesRead => _samplesRead;

    /// <summary>Reads the samples of the next window, runs it and hands its kept frames to <paramref name="sink"/>.</summary>
    /// <returns>False when there is nothing left (no frame was delivered).</returns>
    /// <exception cref="AudioException">The source failed.</exception>
    /// <exception cref="NoteTranscriptionException">The model failed.</exception>
    public bool ReadWindow(IPosteriorgramSink sink, CancellationToken cancellationToken)
    {
        if (_finished)
        {
            return false;
        }

        cancellationToken.ThrowIfCancellationRequested();
        FillWindow(cancellationToken);
        long firstFrame = _window * BasicPitchGeometry.KeptFrames;
        long windowStart = _window * BasicPitchGeometry.WindowHopSamples; // first kept frame's sample, in the original signal
        if (_endOfSource && windowStart >= _samplesRead)
        {
            _finished = true;
            return false;
        }

        int keep = BasicPitchGeometry.KeptFrames;
        if (_endOfSource)
        {
            keep = (int)Math.Min(keep, BasicPitchGeometry.FrameCount(_samplesRead) - firstFrame);
        }

        _model.Run(_buffers); // the kept frames only: the model drops the 15 frames at each side itself
        sink.OnFrames(
            firstFrame,
            keep,
            _buffers.Note.AsSpan(0, keep * BasicPitchGeometry.Keys),
            _buffers.Onset.AsSpan(0, keep * BasicPitchGeometry.Keys),
            _buffers.Contour.AsSpan(0, keep * BasicPitchGeometry.ContourBins));
        _window++;
        return true;
    }

    /// <summary>Makes the buffer hold window <see cref="_window"/>: the previous window's overlap, then new samples, then zeros.</summary>
    private void FillWindow(CancellationToken cancellationToken)
    {
        float[] audio = _buffers.Audio;
        if (!_primed)
        {
            Array.Clear(audio);
            _filled = BasicPitchGeometry.LeadingPadSamples;
            _primed = true;
        }
        else
        {
            int overlap = BasicPitchGeometry.WindowSamples - BasicPitchGeometry.WindowHopSamples;
            audio.AsSpan(BasicPitchGeometry.WindowHopSamples, overlap).CopyTo(audio);
            _filled = Math.Max(0, _filled - BasicPitchGeometry.WindowHopSamples);
            audio.AsSpan(overlap).Clear();
            _filled = Math.Min(_filled, overlap);
        }

        while (!_endOfSource && _filled < audio.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Span<float> free = audio.AsSpan(_filled);
            int read = _source.Read(free);
            if (read <= 0)
            {
                _endOfSource = true;
                break;
            }

            _sampleTap?.Invoke(free[..read]);
            _filled += read;
            _samplesRead += read;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _buffers.Dispose();
}
