using MusicEmotion.Features;
using MusicEmotion.Notes.Analysis;

namespace MusicEmotion.Notes.Kinds;

/// <summary>
/// One note feature kind (<c>notes</c>, <c>harmony</c> or <c>melody</c>, see <see cref="NoteFeatureColumns"/>) as an
/// <see cref="IFeatureExtractor"/>, so that a feature recipe (a model card) can name it beside the built-in kinds: the
/// signal is transcribed (<see cref="NoteTranscriber"/>), the notes analysed (<see cref="NoteFeatureAnalyzer"/>), and
/// every frame of the recipe's framing gets the row of the second that holds its centre. Register the three kinds with
/// <see cref="NoteFeatureKindRegistry.AddNoteFeatureKinds(FeatureKindRegistry, NoteTranscriber)"/>.
/// </summary>
/// <remarks>
/// A second's values depend on the notes around it (the key on an 8-second window, texture and chords up to 5 seconds
/// ahead), never on the whole signal, so the stream hands out a second's frames as soon as the notes that reach 5
/// seconds past it are decoded: the transcription decides its notes in blocks of up to
/// <see cref="NoteTranscriptionOptions.MaxBlockSeconds"/>, so a recipe that also names built-in kinds holds their frames
/// for at most about one block (about 0.7 MB per minute of audio for the shipped recipe's 85 columns), whatever the
/// length of the signal; a signal no longer than one block gets its rows at the end. The values are those of
/// <see cref="NoteFeatureAnalyzer.Analyze(IReadOnlyList{NoteEvent}, double)"/> on the whole transcription, to the bit.
/// Note kinds that a recipe names side by side (e.g. <c>notes</c>, <c>harmony</c>) share one transcription:
/// <see cref="CombineWith"/>.
/// </remarks>
public sealed class NoteFeatureExtractor : ICombinableFeatureExtractor
{
    private readonly NoteTranscriber _transcriber;

    /// <summary>Creates the extractor of <paramref name="kind"/>.</summary>
    /// <param name="kind">A note feature kind: <c>notes</c>, <c>harmony</c> or <c>melody</c>.</param>
    /// <param name="settings">The recipe's settings (its sample rate, hop and centring set the framing).</param>
    /// <param name="transcriber">Transcribes the signal; shared, not disposed.</param>
    /// <exception cref="ArgumentException">Not a note feature kind, or invalid settings.</exception>
    public NoteFeatureExtractor(string kind, FeatureSettings settings, NoteTranscriber transcriber)
        : this([kind], settings, transcriber)
    {
    }

    /// <summary>Creates the extractor of several note kinds at once (their columns kind by kind), transcribing once.</summary>
    /// <param name="kinds">Note feature kinds, each at most once.</param>
    /// <param name="settings">The recipe's settings (its sample rate, hop and centring set the framing).</param>
    /// <param name="transcriber">Transcribes the signal; shared, not disposed.</param>
    /// <exception cref="ArgumentException">No kind, one that is not a note feature kind or is named twice, or invalid settings.</exception>
    public NoteFeatureExtractor(IReadOnlyList<string> kinds, FeatureSettings settings, NoteTranscriber transcriber)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(transcriber);
        settings.Validate();
        if (kinds.Count == 0 || kinds.Distinct(StringComparer.OrdinalIgnoreCase).Count() != kinds.Count)
        {
            throw new ArgumentException($"Name each note feature kind once, and at least one (got {string.Join(", ", kinds)}).", nameof(kinds));
        }

        FeatureNames = NoteFeatureColumns.NamesOf(kinds); // throws ArgumentException for a kind that is not one
        Kinds = [.. kinds.Select(kind => NoteFeatureColumns.Kinds.First(k => k.Equals(kind, StringComparison.OrdinalIgnoreCase)))];
        Settings = settings;
        _transcriber = transcriber;
    }

    /// <summary>The kind's name (kinds joined with '+' when this extractor gives several).</summary>
    public string Kind => string.Join("+", Kinds);

    /// <summary>The kinds whose columns this extractor gives, in column order.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <inheritdoc />
    public FeatureSettings Settings { get; }

    /// <inheritdoc />
    public int Width => FeatureNames.Count;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames { get; }

    /// <inheritdoc />
    public double FrameRate => Settings.FrameRate;

    /// <inheritdoc />
    public FeatureMatrix Extract(ReadOnlySpan<float> samples)
    {
        IFeatureStream stream = CreateStream();
        var sink = new MatrixSink(Width);
        stream.Push(samples, sink);
        stream.Complete(sink);
        return new FeatureMatrix(sink.Rows, Width, sink.Values.ToArray(), FeatureNames, FrameRate);
    }

    /// <inheritdoc />
    public IFeatureStream CreateStream() => new NoteFeatureStream(Kinds, Settings, _transcriber);

    /// <summary>
    /// One extractor for this extractor's kinds followed by <paramref name="following"/>'s when <paramref name="following"/> is a
    /// note feature extractor with the same transcriber and settings and no kind in common: the signal is transcribed
    /// once for all of them. Null otherwise.
    /// </summary>
    public IFeatureExtractor? CombineWith(IFeatureExtractor following) =>
        following is NoteFeatureExtractor notes && ReferenceEquals(notes._transcriber, _transcriber) && notes.Settings.Equals(Settings)
            && !notes.Kinds.Intersect(Kinds, StringComparer.OrdinalIgnoreCase).Any()
            ? new NoteFeatureExtractor([.. Kinds, .. notes.Kinds], Settings, _transcriber)
            : null;

    private sealed class MatrixSink(int width) : IFeatureFrameSink
    {
        public List<float> Values { get; } = [];

        public int Rows => Values.Count / width;

        public void OnFrame(long frameIndex, ReadOnlySpan<float> features) => Values.AddRange(features);
    }
}
