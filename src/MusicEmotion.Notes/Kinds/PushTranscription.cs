using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Notes.Decoding;
using MusicEmotion.Notes.Model;
using MusicEmotion.Notes.Posteriorgrams;

namespace MusicEmotion.Notes.Kinds;

/// <summary>
/// A transcription fed by pushes of mono samples at any rate: resampled to the model's rate, run window by window as
/// soon as a window's samples are there, decoded like <see cref="NoteTranscriber"/> does for a file.
/// </summary>
internal sealed class PushTranscription : IDisposable
{
    private readonly PushedSamples _input;
    private readonly ISampleSource _mono;
    private readonly PosteriorgramReader _reader;
    private readonly StreamingNoteDecoder _decoder;
    private readonly int _needed;
    private readonly List<NoteEvent> _notes = [];
    private bool _completed;

    public PushTranscription(NoteTranscriber transcriber, int sampleRate)
    {
        _input = new PushedSamples(sampleRate);
        _mono = sampleRate == BasicPitchGeometry.SampleRate ? _input : _input.ToMonoAt(BasicPitchGeometry.SampleRate);
        _reader = new PosteriorgramReader(transcriber.Model, _mono);
        _decoder = new StreamingNoteDecoder(transcriber.DecodingSettings);
        // A window reads at most WindowSamples new samples at the model's rate; a resampler reads a little ahead.
        _needed = (int)Math.Ceiling(BasicPitchGeometry.WindowSamples * (double)sampleRate / BasicPitchGeometry.SampleRate) + (sampleRate == BasicPitchGeometry.SampleRate ? 0 : 16384);
    }

    /// <summary>
    /// Seconds before which every note of the signal has been decoded (and every note decoded so far has ended): the
    /// notes still to come start at or after it. Positive infinity once complete.
    /// </summary>
    public double DecodedSeconds => _completed ? double.PositiveInfinity : BasicPitchGeometry.FrameSeconds(_decoder.DecodedFrames);

    public void Push(ReadOnlySpan<float> samples, CancellationToken cancellationToken)
    {
        _input.Append(samples);
        while (_input.Buffered >= _needed)
        {
            _reader.ReadWindow(_decoder, cancellationToken);
            _notes.AddRange(_decoder.TakeDecoded());
        }
    }

    /// <summary>Ends the signal: the notes not decoded yet are decoded (<see cref="TakeNotes"/> returns them).</summary>
    public void Complete(CancellationToken cancellationToken)
    {
        if (!_completed)
        {
            _input.End();
            while (_reader.ReadWindow(_decoder, cancellationToken))
            {
                _notes.AddRange(_decoder.TakeDecoded());
            }

            _decoder.Complete();
            _notes.AddRange(_decoder.TakeDecoded());
            _completed = true;
        }
    }

    /// <summary>The notes decoded since the last call, in the decoder's order (block by block, by onset then key).</summary>
    public List<NoteEvent> TakeNotes()
    {
        var notes = new List<NoteEvent>(_notes);
        _notes.Clear();
        return notes;
    }

    public void Dispose()
    {
        _reader.Dispose();
        if (!ReferenceEquals(_mono, _input))
        {
            _mono.Dispose();
        }
    }
}
