using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicEmotion.Audio;
using MusicEmotion.Inference.Analysis;
using MusicEmotion.Inference.Description;
using MusicEmotion.Inference.Models;
using MusicEmotion.Inference.Windowing;

namespace MusicEmotion.Inference;

/// <summary>
/// The facade a host calls: song in (path or stream, any format), per-second arousal/valence, fixed-length
/// vectors, statistics and a description out. Thread-safe and meant to be shared (one model session for all
/// calls); CPU work runs on the thread pool, so the async methods never block the caller.
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
        _predictor = new EmotionTimelinePredictor(model, _loader);
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

    /// <summary>Loads the model <paramref name="options"/> name: the shipped one, or <see cref="EmotionAnalyzerOptions.ModelPath"/> with its card.</summary>
    public static IEmotionModel LoadModel(EmotionAnalyzerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var onnx = new OnnxModelOptions { IntraOpThreads = options.ModelThreads, FeatureKinds = options.FeatureKinds };
        return options.ModelPath is null
            ? OnnxEmotionModel.LoadDefault(onnx)
            : OnnxEmotionModel.Load(options.ModelPath, options.ModelCardPath!, onnx);
    }

    /// <summary>The model in use.</summary>
    public IEmotionModel Model => _model;

    /// <summary>The decoder chain that opens what the analyser reads (ask it <see cref="AudioLoader.CanDecode"/> before accepting an upload).</summary>
    public AudioLoader Loader => _loader;

    /// <summary>The options in use.</summary>
    public EmotionAnalyzerOptions Options => _options;

    /// <summary>Analyses an audio file.</summary>
    /// <exception cref="AudioException">The file is missing or cannot be decoded.</exception>
    /// <exception cref="EmotionDescriptionException">The describer failed (a custom describer without fallback).</exception>
    public async Task<EmotionAnalysis> AnalyzeAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        EmotionTimeline timeline = await Task.Run(() => _predictor.PredictFile(path, _options.Smoothing, cancellationToken), cancellationToken).ConfigureAwait(false);
        return await CompleteAsync(path, timeline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Analyses audio read from a stream (e.g. an upload); the stream is read to its end and disposed.</summary>
    /// <param name="stream">The encoded audio; need not be seekable.</param>
    /// <param name="sourceName">Name used in results and error messages.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <exception cref="AudioException">The content cannot be decoded.</exception>
    public async Task<EmotionAnalysis> AnalyzeAsync(Stream stream, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        EmotionTimeline timeline = await Task.Run(() => _predictor.Predict(_loader.Open(stream, sourceName, cancellationToken), sourceName, _options.Smoothing, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return await CompleteAsync(sourceName, timeline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Analyses samples a host already has as an <see cref="ISampleSource"/> (its own decoder, a synthesiser, an
    /// adapter such as MusicEmotion.NAudio's): mixed down and resampled to the model's rate, streamed, then disposed.
    /// The source is read until it ends; cancel the token to stop an endless one.
    /// </summary>
    /// <param name="source">The samples; disposed when the analysis ends.</param>
    /// <param name="sourceName">Name used in results and error messages.</param>
    /// <param name="cancellationToken">Cancels the analysis (checked between blocks of samples).</param>
    /// <exception cref="AudioException">The source fails or holds no samples.</exception>
    public async Task<EmotionAnalysis> AnalyzeAsync(ISampleSource source, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sourceName);
        // Not cancelled before it starts: Predict disposes the source whatever happens once it runs.
        EmotionTimeline timeline = await Task.Run(() => _predictor.Predict(source, sourceName, _options.Smoothing, cancellationToken), CancellationToken.None).ConfigureAwait(false);
        return await CompleteAsync(sourceName, timeline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Analyses an audio file with per-call overrides of the analyser's options (smoothing, vector length, summary, description).</summary>
    /// <exception cref="AudioException">The file is missing or cannot be decoded.</exception>
    public async Task<EmotionAnalysis> AnalyzeAsync(string path, EmotionAnalysisOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        EmotionSmoothing smoothing = options.Smoothing ?? _options.Smoothing;
        EmotionTimeline timeline = await Task.Run(() => _predictor.PredictFile(path, smoothing, cancellationToken), cancellationToken).ConfigureAwait(false);
        return await CompleteAsync(path, timeline, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Analyses audio from a stream with per-call overrides of the analyser's options; the stream is disposed.</summary>
    /// <exception cref="AudioException">The content cannot be decoded.</exception>
    public async Task<EmotionAnalysis> AnalyzeAsync(Stream stream, string sourceName, EmotionAnalysisOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        EmotionSmoothing smoothing = options.Smoothing ?? _options.Smoothing;
        EmotionTimeline timeline = await Task.Run(() => _predictor.Predict(_loader.Open(stream, sourceName, cancellationToken), sourceName, smoothing, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return await CompleteAsync(sourceName, timeline, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Analyses an audio file and shows its mono samples and the model's feature frames to <paramref name="observer"/>
    /// as they are computed, so the caller can derive more from the same decode and feature pass.
    /// </summary>
    /// <exception cref="AudioException">The file is missing or cannot be decoded.</exception>
    public async Task<EmotionAnalysis> AnalyzeAsync(string path, EmotionAnalysisOptions options, IFeatureFrameObserver observer, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(observer);
        options.Validate();
        EmotionTimeline timeline = await Task.Run(() => _predictor.Predict(_loader.Open(path, cancellationToken), path, options.Smoothing ?? _options.Smoothing, observer, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return await CompleteAsync(path, timeline, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Analyses audio from a stream (disposed at the end) and shows its mono samples and the model's feature frames to
    /// <paramref name="observer"/> as they are computed.
    /// </summary>
    /// <exception cref="AudioException">The content cannot be decoded.</exception>
    public async Task<EmotionAnalysis> AnalyzeAsync(Stream stream, string sourceName, EmotionAnalysisOptions options, IFeatureFrameObserver observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(observer);
        options.Validate();
        EmotionTimeline timeline = await Task.Run(() => _predictor.Predict(_loader.Open(stream, sourceName, cancellationToken), sourceName, options.Smoothing ?? _options.Smoothing, observer, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return await CompleteAsync(sourceName, timeline, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds the vector, summary and description of an existing timeline.</summary>
    public Task<EmotionAnalysis> CompleteAsync(string source, EmotionTimeline timeline, CancellationToken cancellationToken = default) =>
        CompleteAsync(source, timeline, EmotionAnalysisOptions.Inherit, cancellationToken);

    private async Task<EmotionAnalysis> CompleteAsync(string source, EmotionTimeline timeline, EmotionAnalysisOptions overrides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        EmotionSummary summary = EmotionSummary.From(timeline, overrides.Summary ?? _options.Summary);
        EmotionVector vector = EmotionVector.From(timeline, overrides.VectorLength ?? _options.VectorLength);
        string? description = null;
        if ((overrides.Describe ?? _options.Describe) && _describer is not null)
        {
            description = await _describer.DescribeAsync(timeline, summary, cancellationToken).ConfigureAwait(false);
        }

        return new EmotionAnalysis(source, timeline.DurationSeconds, _model.Card.Name, timeline, vector, summary, description);
    }

    /// <summary>
    /// Streams one <see cref="EmotionFrame"/> per second as soon as it is final (about half a window behind the
    /// audio), with bounded memory whatever the length: decoding pauses while the consumer is behind.
    /// </summary>
    /// <exception cref="AudioException">The file cannot be decoded (raised while enumerating).</exception>
    public IAsyncEnumerable<EmotionFrame> AnalyzeStreamingAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return StreamAsync(() => _loader.Open(path, cancellationToken), path, _options.Smoothing, cancellationToken);
    }

    /// <summary>Streams one <see cref="EmotionFrame"/> per second of a file, smoothed as <paramref name="smoothing"/> says (a second arrives its half-window later).</summary>
    /// <exception cref="AudioException">The file cannot be decoded (raised while enumerating).</exception>
    public IAsyncEnumerable<EmotionFrame> AnalyzeStreamingAsync(string path, EmotionSmoothing smoothing, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(smoothing);
        return StreamAsync(() => _loader.Open(path, cancellationToken), path, smoothing, cancellationToken);
    }

    /// <summary>Streams one <see cref="EmotionFrame"/> per second of audio read from <paramref name="stream"/> (disposed at the end).</summary>
    public IAsyncEnumerable<EmotionFrame> AnalyzeStreamingAsync(Stream stream, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return StreamAsync(() => _loader.Open(stream, sourceName, cancellationToken), sourceName, _options.Smoothing, cancellationToken);
    }

    /// <summary>
    /// Streams one <see cref="EmotionFrame"/> per second of <paramref name="source"/> as soon as it is final (disposed at
    /// the end): the way to follow a live or endless source, such as a capture device, until the token is cancelled.
    /// </summary>
    /// <exception cref="AudioException">The source fails (raised while enumerating).</exception>
    public IAsyncEnumerable<EmotionFrame> AnalyzeStreamingAsync(ISampleSource source, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sourceName);
        return StreamAsync(() => source, sourceName, _options.Smoothing, cancellationToken);
    }

    /// <summary>Streams one <see cref="EmotionFrame"/> per second of audio read from <paramref name="stream"/> (disposed at the end), smoothed as <paramref name="smoothing"/> says.</summary>
    public IAsyncEnumerable<EmotionFrame> AnalyzeStreamingAsync(Stream stream, string sourceName, EmotionSmoothing smoothing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(smoothing);
        return StreamAsync(() => _loader.Open(stream, sourceName, cancellationToken), sourceName, smoothing, cancellationToken);
    }

    private async IAsyncEnumerable<EmotionFrame> StreamAsync(Func<ISampleSource> open, string sourceName, EmotionSmoothing smoothing, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<EmotionFrame>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task producer = Task.Run(() =>
        {
            try
            {
                _predictor.Predict(open(), sourceName, smoothing, linked.Token, new ChannelSink(channel.Writer, linked.Token));
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
    /// Analyses many files in parallel (at most <see cref="EmotionAnalyzerOptions.MaxConcurrency"/> at once) and
    /// yields each result as it completes. A file that fails is reported (with its error) and skipped; it never
    /// aborts the batch. Cancellation stops the batch.
    /// </summary>
    public async IAsyncEnumerable<EmotionBatchItem> AnalyzeManyAsync(IEnumerable<string> paths, IProgress<EmotionBatchProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string[] files = paths.ToArray();
        var channel = Channel.CreateUnbounded<EmotionBatchItem>(new UnboundedChannelOptions { SingleReader = true });
        int completed = 0, failed = 0;
        Task producer = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, files.Length),
                    new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
                    async (i, token) =>
                    {
                        EmotionBatchItem item;
                        try
                        {
                            item = new EmotionBatchItem(i, files[i], await AnalyzeAsync(files[i], token).ConfigureAwait(false), null, null);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                        {
                            _logger.LogWarning("Skipping {Path}: {Error}", files[i], ex.Message);
                            Interlocked.Increment(ref failed);
                            item = new EmotionBatchItem(i, files[i], null, ex.Message, ex.GetType().Name);
                        }

                        int done = Interlocked.Increment(ref completed);
                        progress?.Report(new EmotionBatchProgress(done, Volatile.Read(ref failed), files.Length, files[i]));
                        await channel.Writer.WriteAsync(item, token).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                channel.Writer.TryComplete(ex);
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

    private sealed class ChannelSink(ChannelWriter<EmotionFrame> writer, CancellationToken cancellationToken) : IEmotionSecondSink
    {
        public void OnSecond(int second, ArousalValence value)
        {
            var frame = new EmotionFrame(second, value.Arousal, value.Valence);
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
