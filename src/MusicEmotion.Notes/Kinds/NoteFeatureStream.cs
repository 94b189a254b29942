using MusicEmotion.Features;
using MusicEmotion.Notes.Analysis;

namespace MusicEmotion.Notes.Kinds;

/// <summary>
/// The stream of a <see cref="NoteFeatureExtractor"/>: transcribes while samples arrive and hands out each frame as soon
/// as the row of its second is final (<see cref="StreamingNoteAnalysis"/>: a few seconds after the block of notes that
/// reaches past it is decoded), so it holds a bounded number of notes and rows whatever the length of the signal, and a
/// recipe's other kinds wait for it at most a decoding block (<see cref="NoteTranscriptionOptions.MaxBlockSeconds"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "IFeatureStream is not disposable: the transcription is disposed when the stream completes (WriteTo's finally), which every recipe stream does.")]
internal sealed class NoteFeatureStream : IFeatureStream
{
    private readonly IReadOnlyList<string> _kinds;
    private readonly int[] _widths;
    private readonly FeatureSettings _settings;
    private readonly PushTranscription _transcription;
    private readonly NoteFeatureCapture? _capture;
    private readonly List<NoteEvent>? _captured;
    private readonly StreamingNoteAnalysis _analysis = new();
    private readonly List<NoteSecond> _rows = [];
    private readonly float[] _row;
    private readonly double _centreOffset;
    private int _rowsFrom;
    private int _current = -1;
    private long _samples;
    private bool _completed;

    public NoteFeatureStream(IReadOnlyList<string> kinds, FeatureSettings settings, NoteTranscriber transcriber)
    {
        _kinds = kinds;
        _settings = settings;
        _widths = [.. kinds.Select(k => NoteFeatureColumns.NamesOf(k).Count)];
        Width = _widths.Sum();
        _row = new float[Width];
        _centreOffset = settings.Center ? 0 : settings.FftSize / 2.0;
        _transcription = new PushTranscription(transcriber, settings.SampleRate);
        _capture = NoteFeatureCapture.Current; // the analysis that creates this stream runs in the capture's flow
        _captured = _capture is null ? null : []; // the capture reports every note; otherwise they are let go as rows are final
    }

    public int Width { get; }

    public long FramesWritten { get; private set; }

    /// <summary>Notes and rows held now (for tests: bounded by the blocks in flight, not by the length of the signal).</summary>
    internal int Held => _analysis.HeldNotes + _rows.Count;

    public void Push(ReadOnlySpan<float> samples, IFeatureFrameSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_completed)
        {
            throw new InvalidOperationException("The stream is complete.");
        }

        _transcription.Push(samples, CancellationToken.None);
        _samples += samples.Length;
        _analysis.Add(TakeNotes(), _transcription.DecodedSeconds);
        _rows.AddRange(_analysis.TakeFinal(_samples / (double)_settings.SampleRate));

        // Frames whose second's row is final; the track is longer than those seconds, so no frame is clamped to its last one.
        long frames = _settings.FrameCount(_samples);
        int rowsEnd = _rowsFrom + _rows.Count;
        while (FramesWritten < frames)
        {
            int second = (int)Math.Floor(((FramesWritten * (double)_settings.HopLength) + _centreOffset) / _settings.SampleRate);
            if (second >= rowsEnd)
            {
                break;
            }

            WriteFrame(second, sink);
        }

        ForgetRows();
    }

    public void Complete(IFeatureFrameSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_completed)
        {
            throw new InvalidOperationException("The stream is complete.");
        }

        _completed = true;
        try
        {
            _transcription.Complete(CancellationToken.None);
            _analysis.Add(TakeNotes(), _transcription.DecodedSeconds);
            double durationSeconds = _samples / (double)_settings.SampleRate;
            _rows.AddRange(_analysis.Complete(durationSeconds));
            if (_capture is not null)
            {
                _capture.Report([.. _captured!], durationSeconds, NoteFeatureAnalyzer.Analyze(_captured!, durationSeconds));
            }

            long frames = _settings.FrameCount(_samples);
            int seconds = _rowsFrom + _rows.Count;
            while (FramesWritten < frames)
            {
                int second = seconds == 0 ? -1
                    : (int)Math.Clamp(Math.Floor(((FramesWritten * (double)_settings.HopLength) + _centreOffset) / _settings.SampleRate), 0, seconds - 1);
                WriteFrame(second, sink);
            }
        }
        finally
        {
            _transcription.Dispose();
        }
    }

    private List<NoteEvent> TakeNotes()
    {
        List<NoteEvent> notes = _transcription.TakeNotes();
        _captured?.AddRange(notes);
        return notes;
    }

    private void WriteFrame(int second, IFeatureFrameSink sink)
    {
        if (second != _current)
        {
            _current = second;
            if (second < 0)
            {
                Array.Clear(_row);
            }
            else
            {
                WriteRow(_rows[second - _rowsFrom], _row);
            }
        }

        sink.OnFrame(FramesWritten, _row);
        FramesWritten++;
    }

    /// <summary>Lets go of the rows before the current frame's second (frames only move forward).</summary>
    private void ForgetRows()
    {
        int done = Math.Clamp(_current - _rowsFrom, 0, _rows.Count);
        _rows.RemoveRange(0, done);
        _rowsFrom += done;
    }

    private void WriteRow(in NoteSecond second, float[] row)
    {
        int offset = 0;
        for (int k = 0; k < _kinds.Count; k++)
        {
            NoteFeatureColumns.Write(_kinds[k], second, row.AsSpan(offset, _widths[k]));
            offset += _widths[k];
        }
    }
}
