using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicEmotion.Audio;
using MusicEmotion.Inference.Analysis;
using MusicEmotion.Inference.Description;
using MusicEmotion.Inference.Models;
using MusicEmotion.Inference.Prediction;

namespace MusicEmotion.Inference;

/// <summary>
/// The facade a host calls: a song in (a file in any format, an upload stream, or samples the host has, as an
/// <see cref="AudioInput"/>), per-second arousal/valence, fixed-length vectors, statistics and a description out.
/// Three calls: <see cref="AnalyzeAsync"/> (one song), <see cref="AnalyzeStreamingAsync"/> (its seconds as they become
/// final) and <see cref="AnalyzeManyAsync"/> (a batch), each taking optional <see cref="AnalysisCallOptions"/>.
/// Thread-safe and meant to be shared (one model session for all calls); CPU work runs on the thread pool, so the async
/// methods never block the caller.
/// </summary>
/// <example>
/// <code>
/// using var analyzer = EmotionAnalyzer.CreateDefault();
/// EmotionAnalysis result = await analyzer.AnalyzeAsync("song.mp3");
/// Console.WriteLine($"{result.Summary.Arousal.Mean:0.00} {result.Description}");
/// </code>
/// </example>
public sealed class EmotionAnalyzer : IDisposable
{
    private readonly IEmotionModel _model;
    private readonly bool _ownsModel;
    private readonly IEmotionDescriber? _describer;
    private readonly EmotionAnalyzerOptions _options;
    private readonly EmotionTimelinePredictor _predictor;
    private readonly AudioLoader _loader;
    private readonly ILogger _logger;

    /// <summary>Creates an analyser around a model (shared, not disposed by the analyser) and an optional describer.</summary>
    /// <param name="model">The emotion model.</param>
    /// <param name="describer">Writes descriptions; null uses <see cref="RuleBasedEmotionDescriber"/>.</param>
    /// <param name="options">Options (validated).</param>
    /// <param name="logger">Optional logger.</param>
    public EmotionAnalyzer(IEmotionModel model, IEmotionDescriber? describer = null, EmotionAnalyzerOptions? options = null, ILogger<EmotionAnalyzer>? logger = null)
        : this(model, loader: null, ownsModel: false, describer, options, logger)
    {
    }

    /// <summary>
    /// Creates an analyser that decodes with <paramref name="loader"/> (a host's own decoder chain; dependency
    /// injection passes the one built from <see cref="EmotionAnalyzerOptions.Decoders"/> and <c>AddAudioDecoder</c>).
    /// </summary>
    /// <param name="model">The emotion model (shared, not disposed by the analyser).</param>
    /// <param name="loader">Opens every file and stream the analyser reads.</param>
    /// <param name="describer">Writes descriptions; null uses <see cref="RuleBasedEmotionDescriber"/>.</param>
    /// <param name="options">Options (validated); their <see cref="EmotionAnalyzerOptions.Decoders"/> are not used, the loader decides.</param>
    /// <param name="logger">Optional logger.</param>
    public EmotionAnalyzer(IEmotionModel model, AudioLoader loader, IEmotionDescriber? describer, EmotionAnalyzerOptions? options = null, ILogger<EmotionAnalyzer>? logger = null)
        : this(model, loader ?? throw new ArgumentNullException(nameof(loader)), ownsModel: false, describer, options, logger)
    {
    }

    private EmotionAnalyzer(IEmotionModel model, AudioLoader? loader, bool ownsModel, IEmotionDescriber? describer, EmotionAnalyzerOptions? options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(model);
        _options = options ?? new EmotionAnalyzerOptions();
        _options.Validate();
        _model = model;
        _ownsModel = ownsModel;
        _describer = describer ?? new RuleBasedEmotionDescriber();
        _loader = loader ?? CreateLoader(_options);
        _predictor = new EmotionTimelinePredictor(model);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Creates an analyser with the model the options name (default: the shipped model) and the rule-based describer; the analyser owns the model.</summary>
    /// <exception cref="EmotionModelException">The model cannot be loaded.</exception>
    public static EmotionAnalyzer CreateDefault(EmotionAnalyzerOptions? options = null, IEmotionDescriber? describer = null, ILogger<EmotionAnalyzer>? logger = null)
    {
        options ??= new EmotionAnalyzerOptions();
        options.Validate();
        IEmotionModel model = LoadModel(options);
        return new EmotionAnalyzer(model, loader: null, ownsModel: true, describer, options, logger);
    }

    /// <summary>The decoder chain <paramref name="options"/> describe: their <see cref="EmotionAnalyzerOptions.Decoders"/> first, then the built-in ones with their ffmpeg settings.</summary>
    public static AudioLoader CreateLoader(EmotionAnalyzerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AudioLoader.CreateDefault(options.Ffmpeg, options.Decoders);
    }

    /// <summary>
    /// Loads the model <paramref name="options"/> name: a shipped one (the note-aware model where the host registered
    /// the note kinds and <see cref="EmotionAnalyzerOptions.PreferNotesModel"/> is set, else the audio-only model), or <see cref="EmotionAnalyzerOptions.ModelPath"/>
    /// with its card, run with <see cref="EmotionAnalyzerOptions.ModelThreads"/> threads and able to read
    /// <see cref="EmotionAnalyzerOptions.FeatureKinds"/>. The caller owns (disposes) it; share one among analysers.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="EmotionModelException">The model or its card is missing or unusable.</exception>
    public static IEmotionModel LoadModel(EmotionAnalyzerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var onnx = new OnnxModelOptions { IntraOpThreads = options.ModelThreads, FeatureKinds = options.FeatureKinds };
        return options.ModelPath is null
            ? OnnxEmotionModel.LoadShipped(options.PreferNotesModel, onnx)
            : OnnxEmotionModel.Load(options.ModelPath, options.ModelCardPath!, onnx);
    }

    /// <summary>The model in use.</summary>
    public IEmotionModel Model => _model;

    /// <summary>The decoder chain that opens what the analyser reads (ask it <see cref="AudioLoader.CanDecode"/> before accepting an upload).</summary>
    public AudioLoader Loader => _loader;

    /// <summary>The options in use.</summary>
    public EmotionAnalyzerOptions Options => _options;

    /// <summary>Analyses one song: its timeline, vector, summary and (unless turned off) description.</summary>
    /// <param name="input">A file (a path converts implicitly), an upload stream or a host's samples; a stream or source is disposed at the end.</param>
    /// <param name="options">This call's options; null keeps the analyser's.</param>
    /// <param name="cancellationToken">Cancels the analysis (checked between blocks of samples).</param>
    /// <exception cref="AudioException">The input is missing or cannot be decoded.</exception>
    /// <exception cref="EmotionDescriptionException">The describer failed (a custom describer without fallback).</exception>
    public async Task<EmotionAnalysis> AnalyzeAsync(AudioInput input, AnalysisCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options = Checked(options, input);
        EmotionSmoothing smoothing = options.Smoothing ?? _options.Smoothing;
        // Not cancelled before it starts: the input's stream or source is disposed whatever happens once it runs.
        EmotionTimeline timeline = await Task.Run(() => Predict(input, smoothing, options.Observer, sink: null, cancellationToken), CancellationToken.None)
            .ConfigureAwait(false);
        return await CompleteAsync(input.Name, timeline, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds the vector, summary and description of a timeline the host already has (e.g. one it stored), with the
    /// analyser's options or this call's.
    /// </summary>
    /// <param name="source">The name the analysis reports as its <see cref="EmotionAnalysis.Source"/>.</param>
    /// <param name="timeline">The per-second values.</param>
    /// <param name="options">This call's options (vector length, summary, description); null keeps the analyser's.</param>
    /// <param name="cancellationToken">Cancels the description.</param>
    public async Task<EmotionAnalysis> CompleteAsync(string source, EmotionTimeline timeline, AnalysisCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(timeline);
        options ??= new AnalysisCallOptions();
        options.Validate();
        EmotionSummary summary = EmotionSummary.From(timeline, options.Summary ?? _options.Summary);
        EmotionVector vector = EmotionVector.From(timeline, options.VectorLength ?? _options.VectorLength);
        string? description = null;
        if ((options.Describe ?? _options.Describe) && _describer is not null)
        {
            description = await _describer.DescribeAsync(timeline, summary, cancellationToken).ConfigureAwait(false);
        }

        return new EmotionAnalysis(source, timeline.DurationSeconds, _model.Card.Name, timeline, vector, summary, description);
    }

    /// <summary>
    /// Streams one <see cref="EmotionFrame"/> per second as soon as it is final (about half a window behind the audio,
    /// plus the smoothing's half-window), with bounded memory whatever the length: decoding pauses while the consumer
    /// is behind. The way to follow a live or endless source, such as a capture device, until the token is cancelled.
    /// </summary>
    /// <param name="input">A file, an upload stream or a host's samples; a stream or source is disposed at the end.</param>
    /// <param name="options">This call's smoothing and observer (the rest concerns summaries); null keeps the analyser's.</param>
    /// <param name="cancellationToken">Stops the analysis.</param>
    /// <exception cref="AudioException">The input cannot be decoded (raised while enumerating).</exception>
    public IAsyncEnumerable<EmotionFrame> AnalyzeStreamingAsync(AudioInput input, AnalysisCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options = Checked(options, input);
        return StreamAsync(input, options.Smoothing ?? _options.Smoothing, options.Observer, cancellationToken);
    }

    private async IAsyncEnumerable<EmotionFrame> StreamAsync(AudioInput input, EmotionSmoothing smoothing, IFeatureFrameObserver? observer,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<EmotionFrame>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task producer = Task.Run(() =>
        {
            try
            {
                Predict(input, smoothing, observer, new ChannelSink(channel.Writer, linked.Token), linked.Token);
                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                channel.Writer.TryComplete(ex);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (EmotionFrame frame in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // Frames the producer queued ahead are not handed out once the caller has cancelled.
                cancellationToken.ThrowIfCancellationRequested();
                yield return frame;
            }

            await channel.Reader.Completion.ConfigureAwait(false);
        }
        finally
        {
            await linked.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>
    /// Analyses many songs in parallel (at most <see cref="EmotionAnalyzerOptions.MaxConcurrency"/> at once) and yields
    /// each result as it completes, so the items are the progress. A song that fails is reported with its error and
    /// skipped; it never aborts the batch. Cancellation stops the batch.
    /// </summary>
    /// <param name="inputs">The songs (e.g. <c>paths.Select(AudioInput.FromFile)</c>).</param>
    /// <param name="options">Options of every analysis; they may not hold an <see cref="AnalysisCallOptions.Observer"/>.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <exception cref="ArgumentException">The options hold an observer, or are invalid.</exception>
    public IAsyncEnumerable<EmotionBatchItem> AnalyzeManyAsync(IEnumerable<AudioInput> inputs, AnalysisCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        AudioInput[] all = inputs.ToArray();
        if (Array.IndexOf(all, null) >= 0)
        {
            throw new ArgumentException("The inputs may not hold null.", nameof(inputs));
        }

        if (options?.Observer is not null)
        {
            throw new ArgumentException("An observer sees one analysis at a time; AnalyzeManyAsync runs several at once. Analyse each song with AnalyzeAsync to observe it.", nameof(options));
        }

        options?.Validate();
        return ManyAsync(all, options, cancellationToken);
    }

    private async IAsyncEnumerable<EmotionBatchItem> ManyAsync(AudioInput[] inputs, AnalysisCallOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<EmotionBatchItem>(new UnboundedChannelOptions { SingleReader = true });
        Task producer = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, inputs.Length),
                    new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
                    async (i, token) =>
                    {
                        EmotionBatchItem item;
                        try
                        {
                            item = new EmotionBatchItem(i, inputs[i].Name, await AnalyzeAsync(inputs[i], options, token).ConfigureAwait(false), null);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                        {
                            if (ex is MusicEmotionException { Kind: not MusicEmotionErrorKind.Internal })
                            {
                                _logger.LogWarning("Skipping {Source}: {Error}", inputs[i].Name, ex.Message);
                            }
                            else
                            {
                                _logger.LogError(ex, "Skipping {Source} after an unexpected error", inputs[i].Name);
                            }

                            item = new EmotionBatchItem(i, inputs[i].Name, null, ex);
                        }

                        await channel.Writer.WriteAsync(item, token).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                channel.Writer.TryComplete(ex);
            }
            finally
            {
                foreach (AudioInput input in inputs)
                {
                    input.Release(); // streams and sources a cancelled batch never reached
                }
            }
        }, CancellationToken.None);

        await foreach (EmotionBatchItem item in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            yield return item;
        }

        await channel.Reader.Completion.ConfigureAwait(false);
        await producer.ConfigureAwait(false);
    }

    /// <summary>Disposes the model when the analyser created it (<see cref="CreateDefault"/>).</summary>
    public void Dispose()
    {
        if (_ownsModel)
        {
            _model.Dispose();
        }
    }

    /// <summary>Validates this call's options (none: the analyser's); a refused call still disposes the input's stream or source.</summary>
    private static AnalysisCallOptions Checked(AnalysisCallOptions? options, AudioInput input)
    {
        try
        {
            options ??= new AnalysisCallOptions();
            options.Validate();
            return options;
        }
        catch
        {
            input.Release();
            throw;
        }
    }

    private EmotionTimeline Predict(AudioInput input, EmotionSmoothing smoothing, IFeatureFrameObserver? observer, IEmotionSecondSink? sink, CancellationToken cancellationToken) =>
        _predictor.Predict(input.Open(_loader, cancellationToken), input.Name, smoothing, observer, sink, _options.MusicDetection, cancellationToken);

    private sealed class ChannelSink(ChannelWriter<EmotionFrame> writer, CancellationToken cancellationToken) : IEmotionSecondSink
    {
        public void OnSecond(in EmotionFrame frame)
        {
            while (!writer.TryWrite(frame))
            {
                // Back-pressure: wait (synchronously, on the producer's pool thread) until the consumer catches up.
                if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                {
                    return;
                }
            }
        }
    }
}
