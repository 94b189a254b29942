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
/// A second's values depend on the notes around it (the key on an 8-second window), so the stream hands out its frames
/// when the signal ends; a recipe that also names built-in kinds holds their frames until then (about 0.7 MB per
/// minute of audio for the shipped recipe's 85 columns). Each kind a recipe names transcribes the signal once.
/// </remarks>
public sealed class NoteFeatureExtractor : IFeatureExtractor
{
    private readonly NoteTranscriber _transcriber;

    /// <summary>Creates the extractor of <paramref name="kind"/>.</summary>
    /// <param name="kind">A note feature kind: <c>notes</c>, <c>harmony</c> or <c>melody</c>.</param>
    /// <param name="settings">The recipe's settings (its sample rate, hop and centring set the framing).</param>
    /// <param name="transcriber">Transcribes the signal; shared, not disposed.</param>
    /// <exception cref="ArgumentException">Not a note feature kind, or invalid settings.</exception>
    public NoteFeatureExtractor(string kind, FeatureSettings settings, NoteTranscriber transcriber)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(transcriber);
        settings.Validate();
        FeatureNames = NoteFeatureColumns.NamesOf(kind);
        Kind = NoteFeatureColumns.Kinds.First(k => k.Equals(kind, StringComparison.OrdinalIgnoreCase));
        Settings = settings;
        _transcriber = transcriber;
    }

    /// <summary>The kind's name.</summary>
    public string Kind { get; }

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
    public IFeatureStream CreateStream() => new NoteFeatureStream(Kind, Settings, _transcriber);

    private sealed class MatrixSink(int width) : IFeatureFrameSink
    {
        public List<float> Values { get; } = [];

        public int Rows => Values.Count / width;

        public void OnFrame(long frameIndex, ReadOnlySpan<float> features) => Values.AddRange(features);
    }
}
