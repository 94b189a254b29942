using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Features;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Notes.Decoding;
using MusicEmotion.Notes.Model;
using MusicEmotion.Notes.Posteriorgrams;

namespace MusicEmotion.Notes;

/// <summary>
/// Transcribes the notes of any audio (path, stream or <see cref="ISampleSource"/>, any format the
/// <see cref="AudioLoader"/> reads): mixed down and resampled to 22,050 Hz mono with MusicEmotion.Audio's resampler,
/// run through Basic Pitch window by window, and decoded into <see cref="NoteEvent"/>s. Streams: only one 2-second
/// window of audio and at most <see cref="NoteTranscriptionOptions.MaxBlockSeconds"/> of model output are held, so
/// an hour-long file is never loaded whole. Thread-safe and meant to be shared: one model session serves every call,
/// and the CPU work runs on the thread pool.
/// </summary>
/// <example>
/// <code>
/// using var transcriber = new NoteTranscriber();
/// NoteTranscription result = await transcriber.TranscribeAsync("song.mp3");
/// foreach (NoteEvent note in result.Notes) Console.WriteLine($"{note.StartSeconds:0.00} {note.Pitch}");
/// NoteMidiFile.Save(result, "song.mid");
/// </code>
/// </example>
public sealed class NoteTranscriber : IDisposable
{
    /// <summary>The rate the model reads (Hz); every input is resampled to it.</summary>
    public const int SampleRate = BasicPitchGeometry.SampleRate;

    private const int WindowsPerStep = 4; // windows decoded between two checks of the consumer (streaming)
    private readonly BasicPitchModel _model;
    private readonly NoteDecodingSettings _settings;
    private readonly ILogger _logger;

    /// <summary>Creates a transcriber with the embedded model.</summary>
    /// <param name="options">Options (validated); null = defaults.</param>
    /// <param name="loader">Opens files and streams; null = <see cref="AudioLoader.CreateDefault"/> with the options' ffmpeg settings.</param>
    /// <param name="logger">Optional logger.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="NoteTranscriptionException">The embedded model cannot be loaded.</exception>
    public NoteTranscriber(NoteTranscriptionOptions? options = null, AudioLoader? loader = null, ILogger<NoteTranscriber>? logger = null)
    {
        Options = options ?? new NoteTranscriptionOptions();
        Options.Validate();
        _settings = NoteDecodingSettings.From(Options);
        Loader = loader ?? AudioLoader.CreateDefault(Options.Ffmpeg);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _model = BasicPitchModel.LoadEmbedded(Options.ModelThreads);
    }

    /// <summary>The options in use.</summary>
    public NoteTranscriptionOptions Options { get; }

    /// <summary>The decoder chain that opens what the transcriber reads.</summary>
    public AudioLoader Loader { get; }

    /// <summary>The shared model session.</summary>
    internal BasicPitchModel Model => _model;

    /// <summary>The decoding settings of <see cref="Options"/>.</summary>
    internal NoteDecodingSettings DecodingSettings => _settings;

    /// <summary>Transcribes an audio file.</summary>
    /// <param name="path">The file (any format the loader decodes).</param>
    /// <param name="cancellationToken">Cancels the transcription (checked between windows of about 1.6 s of audio).</param>
    /// <exception cref="AudioException">The file is missing, unreadable, corrupt, empty or in a format no decoder reads.</exception>
    /// <exception cref="NoteTranscriptionException">The model failed.</exception>
    public Task<NoteTranscription> TranscribeAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Task.Run(() => Transcribe(Loader.Open(path, cancellationToken), path, cancellationToken), cancellationToken);
    }

    /// <summary>Transcribes audio read from a stream (an upload, a blob); the stream is disposed when done.</summary>
    /// <param name="stream">Readable stream positioned at the start of the content.</param>
    /// <param name="sourceName">Name used in the result and in error messages.</param>
    /// <param name="cancellationToken">Cancels the transcription.</param>
    /// <exception cref="AudioException">The content is corrupt, empty or in a format no decoder reads.</exception>
    /// <exception cref="NoteTranscriptionException">The model failed.</exception>
    public Task<NoteTranscription> TranscribeAsync(Stream stream, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Task.Run(() => Transcribe(Loader.Open(stream, sourceName, cancellationToken), sourceName, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Transcribes samples a host already has (its own decoder, a synthesiser, an NAudio chain through
    /// MusicEmotion.NAudio): mixed down and resampled to 22,050 Hz, read until the source ends, then disposed.
    /// </summary>
    /// <param name="source">The samples; disposed when the transcription ends.</param>
    /// <param name="sourceName">Name used in the result and in error messages.</param>
    /// <param name="cancellationToken">Cancels the transcription.</param>
    /// <exception cref="AudioException">The source fails or holds no samples.</exception>
    /// <exception cref="NoteTranscriptionException">The model failed.</exception>
    public Task<NoteTranscription> TranscribeAsync(ISampleSource source, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sourceName);
        // Not cancelled before it starts: Transcribe disposes the source whatever happens once it runs.
        return Task.Run(() => Transcribe(source, sourceName, cancellationToken), CancellationToken.None);
    }

    /// <summary>
    /// Transcribes an audio file and hands out the notes as they are decided: a block at a time (see
    /// <see cref="NoteTranscriptionOptions.MaxBlockSeconds"/>), in order of onset. Stop enumerating or cancel to stop
    /// the work.
    /// </summary>
    /// <exception cref="AudioException">The file is missing, unreadable, corrupt, empty or in a format no decoder reads.</exception>
    /// <exception cref="NoteTranscriptionException">The model failed.</exception>
    public IAsyncEnumerable<NoteEvent> TranscribeStreamingAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return StreamNotes(() => Loader.Open(path, cancellationToken), path, cancellationToken);
    }

    /// <summary>Like <see cref="TranscribeStreamingAsync(string, CancellationToken)"/> for samples a host already has; the source is disposed when the enumeration ends.</summary>
    /// <exception cref="AudioException">The source fails or holds no samples.</exception>
    /// <exception cref="NoteTranscriptionException">The model failed.</exception>
    public IAsyncEnumerable<NoteEvent> TranscribeStreamingAsync(ISampleSource source, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sourceName);
        return StreamNotes(() => source, sourceName, cancellationToken);
    }

    private NoteTranscription Transcribe(ISampleSource source, string sourceName, CancellationToken cancellationToken)
    {
        using var run = new TranscriptionRun(this, source, sourceName, cancellationToken);
        var notes = new List<NoteEvent>();
        while (run.Step(int.MaxValue))
        {
            notes.AddRange(run.Decoder.TakeDecoded());
        }

        notes.AddRange(run.Decoder.TakeDecoded());
        return new NoteTranscription(sourceName, run.DurationSeconds, run.TempoBpm, notes);
    }

    private async IAsyncEnumerable<NoteEvent> StreamNotes(Func<ISampleSource> open, string sourceName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Not cancelled before it starts: the run owns (and disposes) the source from the moment it is opened.
        using var run = await Task.Run(() => new TranscriptionRun(this, open(), sourceName, cancellationToken), CancellationToken.None).ConfigureAwait(false);
        bool more = true;
        while (more)
        {
            more = await Task.Run(() => run.Step(WindowsPerStep), cancellationToken).ConfigureAwait(false);
            foreach (NoteEvent note in run.Decoder.TakeDecoded())
            {
                yield return note;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();

    /// <summary>One transcription in progress: the source at the model's rate, the windows, the decoder and the tempo estimate.</summary>
    private sealed class TranscriptionRun : IDisposable
    {
        private readonly NoteTranscriber _owner;
        private readonly string _sourceName;
        private readonly CancellationToken _cancellationToken;
        private readonly ISampleSource _mono;
        private readonly PosteriorgramReader _reader;
        private readonly TrackDescriptorExtractor _tempo = new(new FeatureSettings());
        private bool _completed;

        public TranscriptionRun(NoteTranscriber owner, ISampleSource source, string sourceName, CancellationToken cancellationToken)
        {
            _owner = owner;
            _sourceName = sourceName;
            _cancellationToken = cancellationToken;
            try
            {
                _mono = source.ToMonoAt(SampleRate);
            }
            catch
            {
                source.Dispose();
                throw;
            }

            _reader = new PosteriorgramReader(owner._model, _mono, _tempo.Push);
            Decoder = new StreamingNoteDecoder(owner._settings) { CancellationToken = cancellationToken };
        }

        public StreamingNoteDecoder Decoder { get; }

        public double DurationSeconds => _reader.SamplesRead / (double)SampleRate;

        public double TempoBpm { get; private set; }

        /// <summary>Runs up to <paramref name="windows"/> windows; returns false once everything is decoded.</summary>
        public bool Step(int windows)
        {
            if (_completed)
            {
                return false;
            }

            for (int i = 0; i < windows; i++)
            {
                if (!_reader.ReadWindow(Decoder, _cancellationToken))
                {
                    Complete();
                    return false;
                }
            }

            return true;
        }

        private void Complete()
        {
            _completed = true;
            if (_reader.SamplesRead == 0)
            {
                throw new AudioFormatException(_sourceName, "contains no audio samples");
            }

            Decoder.Complete();
            TempoBpm = _tempo.Complete().TempoBpm;
            if (Decoder.ForcedCuts > 0)
            {
                _owner._logger.LogInformation("{Source}: decoded in blocks of at most {Seconds} s; {Cuts} block(s) ended without a silent gap (notes sounding there were split)",
                    _sourceName, _owner.Options.MaxBlockSeconds, Decoder.ForcedCuts);
            }
        }

        public void Dispose()
        {
            _reader.Dispose();
            _mono.Dispose();
        }
    }
}
