using MusicEmotion.Audio;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>
/// Analyses songs for a catalog: one decode and one feature pass give the emotion timeline (through
/// <see cref="EmotionAnalyzer"/>), the audio descriptors (from the same frames) and, when the model's recipe transcribes
/// the notes, the melody block (from the same transcription), and the file's SHA-256 gives its id.
/// Thread-safe; share one per process.
/// </summary>
public sealed class TrackAnalyzer
{
    private readonly EmotionAnalyzer _analyzer;
    private readonly TrackVectorOptions _options;

    /// <summary>Creates a track analyser over an emotion analyser (not disposed by this class).</summary>
    public TrackAnalyzer(EmotionAnalyzer analyzer, TrackVectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _options = options ?? new TrackVectorOptions();
        _options.Validate();
        _analyzer = analyzer;
    }

    /// <summary>The emotion analyser in use.</summary>
    public EmotionAnalyzer EmotionAnalyzer => _analyzer;

    /// <summary>The name of the model that makes the timelines.</summary>
    public string ModelName => _analyzer.Model.Card.Name;

    /// <summary>The version of that model.</summary>
    public string ModelVersion => _analyzer.Model.Card.Version;

    /// <summary>Whether the tracks this analyser makes have a melody block (the model's recipe transcribes the notes and the <c>melody</c> kind is registered).</summary>
    public bool GivesMelody => MelodyObserver.GivesMelody(_analyzer.Model.Card.Features, _analyzer.Model.FeatureKinds);

    /// <summary>What a stored track must be to count as this analyser's (<see cref="Tracks.CurrentAnalysis.IsCurrent"/>): otherwise it is analysed again.</summary>
    public CurrentAnalysis CurrentAnalysis => new(ModelName, ModelVersion, GivesMelody);

    /// <summary>The vector options in use.</summary>
    public TrackVectorOptions Options => _options;

    /// <summary>
    /// Analyses the file at <paramref name="path"/>. Unless <paramref name="knownId"/> is given, the file's SHA-256 is
    /// computed on another thread while it is decoded and analysed, so the id costs no extra time on a multi-core machine.
    /// </summary>
    /// <param name="path">The audio file (any format the loader reads).</param>
    /// <param name="sourceName">The name to record (default: <paramref name="path"/>).</param>
    /// <param name="knownId">The file's id when the caller has already hashed it (it is not checked).</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <exception cref="AudioException">The file is missing or cannot be decoded.</exception>
    public Task<TrackAnalysis> AnalyzeAsync(string path, string? sourceName = null, string? knownId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Task<string> id = knownId is null ? Task.Run(() => TrackId.ComputeAsync(path, cancellationToken), cancellationToken) : Task.FromResult(TrackId.Normalize(knownId));
        return AnalyzeAsync(path, sourceName, id, cancellationToken);
    }

    /// <summary>Analyses <paramref name="path"/> while its id is being computed by <paramref name="id"/>, awaited only to build the record.</summary>
    internal Task<TrackAnalysis> AnalyzeAsync(string path, string? sourceName, Task<string> id, CancellationToken cancellationToken) =>
        AnalyzeAsync(path, sourceName, id, null, cancellationToken);

    /// <summary>
    /// Analyses <paramref name="path"/> as above, with <paramref name="alsoObserve"/> (when given) seeing the same frames as
    /// the track's own observer: how the evaluation measures candidate vector blocks without a second analysis.
    /// </summary>
    internal async Task<TrackAnalysis> AnalyzeAsync(string path, string? sourceName, Task<string> id, IFeatureFrameObserver? alsoObserve, CancellationToken cancellationToken)
    {
        var observer = new TrackFeatureObserver();
        var melody = new MelodyObserver();
        EmotionAnalysis analysis;
        try
        {
            IFeatureFrameObserver own = new FeatureFrameObservers(observer, melody);
            IFeatureFrameObserver observers = alsoObserve is null ? own : new FeatureFrameObservers(own, alsoObserve);
            analysis = await _analyzer.AnalyzeAsync(path, new AnalysisCallOptions { Observer = observers }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await Task.WhenAny(id).ConfigureAwait(false); // never leave the hash unobserved
            _ = id.Exception;
            throw;
        }

        var record = new TrackRecord
        {
            Id = await id.ConfigureAwait(false),
            SourceName = string.IsNullOrWhiteSpace(sourceName) ? path : sourceName,
            DurationSeconds = analysis.DurationSeconds,
            ModelName = ModelName,
            ModelVersion = ModelVersion,
            Timeline = analysis.Timeline,
            Descriptors = observer.Result,
            Blocks = TrackVectorBlocks.From(observer.Result, analysis.Timeline, _options.ArcLength, melody.Result),
            Description = analysis.Description,
        };
        return new TrackAnalysis(record, analysis);
    }
}
