using MusicEmotion.Notes.Analysis;

namespace MusicEmotion.Notes.Kinds;

/// <summary>
/// Keeps what the note feature kinds (<see cref="NoteFeatureExtractor"/>) computed while an analysis ran in its scope:
/// the notes of the analysed signal and their features (<see cref="NoteFeatureAnalyzer"/>). A host that also wants the
/// key, the chords or a MIDI file of the song takes them from the transcription the analysis made anyway (the shipped
/// note-aware model reads <c>notes</c> and <c>harmony</c>) instead of transcribing the audio a second time.
/// </summary>
/// <example>
/// <code>
/// using (NoteFeatureCapture capture = NoteFeatureCapture.Begin())
/// {
///     EmotionAnalysis analysis = await analyzer.AnalyzeAsync("song.mp3");
///     MusicalKey? key = capture.Features?.Track.Key;   // null features: the model read no note kind
/// }
/// </code>
/// </example>
/// <remarks>
/// The scope is the current asynchronous flow (an <see cref="AsyncLocal{T}"/>, like <c>Activity.Current</c>): every note
/// feature stream created after <see cref="Begin"/> in this flow, or in the tasks it starts, reports to the capture when
/// its signal ends, whatever thread completes it; analyses in other flows (other requests of a service) are not seen.
/// Nothing is captured when the analysis' recipe names no note kind. Meant for one analysis: when several report (a
/// batch run inside the scope, or a recipe whose note kinds are not neighbours and so transcribe separately), the first
/// is kept and <see cref="Count"/> says how many reported. The notes are exactly those the kinds' columns came from.
/// </remarks>
public sealed class NoteFeatureCapture : IDisposable
{
    private static readonly AsyncLocal<NoteFeatureCapture?> Scope = new();

    private readonly NoteFeatureCapture? _outer;
    private readonly Lock _gate = new();
    private Captured? _first;
    private int _count;
    private bool _disposed;

    private NoteFeatureCapture(NoteFeatureCapture? outer) => _outer = outer;

    /// <summary>The capture in scope, or null.</summary>
    internal static NoteFeatureCapture? Current => Scope.Value;

    /// <summary>Starts capturing the note features of the analyses that run in the current flow, until disposed.</summary>
    /// <returns>The capture; dispose it to end the scope (an outer capture is in scope again).</returns>
    public static NoteFeatureCapture Begin()
    {
        var capture = new NoteFeatureCapture(Scope.Value);
        Scope.Value = capture;
        return capture;
    }

    /// <summary>How many note feature streams reported (0 when the analysis read no note kind or has not ended).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>The notes of the analysed signal, in order of onset (the first report), or null when none reported.</summary>
    public IReadOnlyList<NoteEvent>? Notes => First?.Notes;

    /// <summary>Length of the analysed signal in seconds (the first report), or 0 when none reported.</summary>
    public double DurationSeconds => First?.DurationSeconds ?? 0;

    /// <summary>The features of <see cref="Notes"/> (<see cref="NoteFeatureAnalyzer.Analyze(IReadOnlyList{NoteEvent}, double)"/>), or null when none reported.</summary>
    public NoteFeatures? Features => First?.Features;

    private Captured? First
    {
        get
        {
            lock (_gate)
            {
                return _first;
            }
        }
    }

    /// <summary>The captured notes as a transcription (e.g. for <see cref="Midi.NoteMidiFile.Save"/>), or null when none reported.</summary>
    /// <param name="source">The source name to record.</param>
    /// <param name="tempoBpm">The tempo to record (the analysis' own estimate, e.g. its track descriptors'), or 0 when unknown.</param>
    public NoteTranscription? ToTranscription(string source, double tempoBpm) =>
        First is { } first ? new NoteTranscription(source, first.DurationSeconds, tempoBpm > 0 && double.IsFinite(tempoBpm) ? tempoBpm : 0, first.Notes) : null;

    /// <summary>Ends the scope: streams created afterwards in this flow report to the outer capture, if any.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            if (ReferenceEquals(Scope.Value, this))
            {
                Scope.Value = _outer;
            }
        }
    }

    /// <summary>Called by a note feature stream when its signal has ended.</summary>
    internal void Report(IReadOnlyList<NoteEvent> notes, double durationSeconds, NoteFeatures features)
    {
        lock (_gate)
        {
            _count++;
            _first ??= new Captured(notes, durationSeconds, features);
        }
    }

    private sealed record Captured(IReadOnlyList<NoteEvent> Notes, double DurationSeconds, NoteFeatures Features);
}
