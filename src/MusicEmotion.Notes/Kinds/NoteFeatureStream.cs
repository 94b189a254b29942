using MusicEmotion.Features;
using MusicEmotion.Notes.Analysis;

namespace MusicEmotion.Notes.Kinds;

/// <summary>The stream of a <see cref="NoteFeatureExtractor"/>: transcribes while samples arrive, frames at the end.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "IFeatureStream is not disposable: the transcription is disposed when the stream completes (WriteTo's finally), which every recipe stream does.")]
internal sealed class NoteFeatureStream : IFeatureStream
{
    private readonly IReadOnlyList<string> _kinds;
    private readonly int[] _widths;
    private readonly FeatureSettings _settings;
    private readonly PushTranscription _transcription;
    private readonly NoteFeatureCapture? _capture;
    private long _samples;
    private bool _completed;

    public NoteFeatureStream(IReadOnlyList<string> kinds, FeatureSettings settings, NoteTranscriber transcriber)
    {
        _kinds = kinds;
        _settings = settings;
        _widths = [.. kinds.Select(k => NoteFeatureColumns.NamesOf(k).Count)];
        Width = _widths.Sum();
        _transcription = new PushTranscription(transcriber, settings.SampleRate);
        _capture = NoteFeatureCapture.Current; // the analysis that creates this stream runs in the capture's flow
    }

    public int Width { get; }

    public long FramesWritten { get; private set; }

    public void Push(ReadOnlySpan<float> samples, IFeatureFrameSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_completed)
        {
            throw new InvalidOperationException("The stream is complete.");
        }

        _transcription.Push(samples, CancellationToken.None);
        _samples += samples.Length;
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
            IReadOnlyList<NoteEvent> notes = _transcription.Complete(CancellationToken.None);
            double durationSeconds = _samples / (double)_settings.SampleRate;
            NoteFeatures features = NoteFeatureAnalyzer.Analyze(notes, durationSeconds);
            _capture?.Report([.. notes], durationSeconds, features);
            long frames = _settings.FrameCount(_samples);
            float[] row = new float[Width];
            int current = -1;
            double centreOffset = _settings.Center ? 0 : _settings.FftSize / 2.0;
            for (long t = 0; t < frames; t++)
            {
                int second = features.Seconds.Count == 0 ? -1
                    : (int)Math.Clamp(Math.Floor(((t * (double)_settings.HopLength) + centreOffset) / _settings.SampleRate), 0, features.Seconds.Count - 1);
                if (second != current)
                {
                    current = second;
                    if (second < 0)
                    {
                        Array.Clear(row);
                    }
                    else
                    {
                        WriteRow(features.Seconds[second], row);
                    }
                }

                sink.OnFrame(t, row);
                FramesWritten++;
            }
        }
        finally
        {
            _transcription.Dispose();
        }
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
