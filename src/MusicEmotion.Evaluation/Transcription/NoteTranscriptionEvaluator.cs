using MusicEmotion.Evaluation.ModelEvaluation;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Midi;

namespace MusicEmotion.Evaluation.Transcription;

/// <summary>
/// <c>mer eval notes</c>: renders each MIDI file with FluidSynth (<see cref="MidiRenderer"/>), transcribes the audio
/// with a <see cref="NoteTranscriber"/>, and scores the notes against the MIDI's own (<see cref="NoteMidiFile.ReadNotes(string, MidiImportOptions)"/>:
/// tempo changes followed, drums left out, offsets after the sustain pedal unless asked otherwise) with mir_eval's note-level precision, recall and F1, with and without offsets.
/// </summary>
internal sealed class NoteTranscriptionEvaluator
{
    private readonly NoteTranscriber _transcriber;
    private readonly MidiRenderer _renderer;
    private readonly int _jobs;
    private readonly MidiImportOptions _reference;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="transcriber">The transcriber under test (shared; thread-safe).</param>
    /// <param name="renderer">Makes the audio.</param>
    /// <param name="jobs">Files rendered and transcribed at once.</param>
    /// <param name="sustainPedal">
    /// Whether the reference offsets follow the sustain pedal (as the rendering sounds; the usual piano-transcription
    /// convention) rather than the note-off events. Onsets are the same either way.
    /// </param>
    public NoteTranscriptionEvaluator(NoteTranscriber transcriber, MidiRenderer renderer, int jobs, bool sustainPedal = true)
    {
        ArgumentNullException.ThrowIfNull(transcriber);
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        _transcriber = transcriber;
        _renderer = renderer;
        _jobs = jobs;
        _reference = new MidiImportOptions { ApplySustainPedal = sustainPedal };
    }

    /// <summary>The notes of a <see cref="NoteEvent"/> list as the metrics see them.</summary>
    public static ScoredNote[] ToScored(IEnumerable<NoteEvent> notes) => notes.Select(n => new ScoredNote(n.StartSeconds, n.EndSeconds, n.Pitch)).ToArray();

    /// <summary>Scores every MIDI file of <paramref name="folder"/> (or of one split, see <see cref="MidiClips.Find"/>).</summary>
    /// <param name="folder">The MIDI folder (or the dataset folder holding the index and the MIDI).</param>
    /// <param name="split">Only this split of the dataset's index; null = every MIDI file under the folder.</param>
    /// <param name="renders">Where to keep the renderings (reused when present, e.g. by a second run); null = a temporary folder, deleted afterwards.</param>
    /// <param name="progress">Files done.</param>
    /// <param name="cancellationToken">Stops the evaluation.</param>
    /// <exception cref="DatasetFormatException">No such folder, no MIDI files, or the split cannot be read.</exception>
    public async Task<NoteEvaluationReport> EvaluateAsync(string folder, string? split, string? renders, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> files = MidiClips.Find(folder, split);
        string renderFolder = renders ?? Path.Combine(Path.GetTempPath(), "mer-eval-notes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(renderFolder);
        var results = new NoteClipResult?[files.Count];
        var skipped = new SkippedClip?[files.Count];
        int done = 0;
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), new ParallelOptions { MaxDegreeOfParallelism = _jobs, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    string clip = Path.GetFileNameWithoutExtension(files[i]);
                    try
                    {
                        results[i] = await ScoreAsync(files[i], Path.Combine(renderFolder, clip + ".wav"), token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is MusicEmotionException { Kind: not MusicEmotionErrorKind.Internal } or InvalidDataException or ClipSkippedException)
                    {
                        skipped[i] = new SkippedClip(clip, ex.Message);
                    }

                    progress?.Report(new EvaluationProgress(Interlocked.Increment(ref done), files.Count));
                }).ConfigureAwait(false);
        }
        finally
        {
            if (renders is null)
            {
                Directory.Delete(renderFolder, recursive: true);
            }
        }

        return new NoteEvaluationReport
        {
            Folder = folder,
            Split = split,
            SustainPedal = _reference.ApplySustainPedal,
            Rendering = $"fluidsynth -ni -q -F <clip>.wav -r {MidiRenderer.SampleRate} -g {MidiRenderer.Gain} {_renderer.SoundFont} <clip>.mid",
            Results = results.OfType<NoteClipResult>().ToArray(),
            Skipped = skipped.OfType<SkippedClip>().ToArray(),
        };
    }

    private async Task<NoteClipResult> ScoreAsync(string midi, string wav, CancellationToken cancellationToken)
    {
        // The reference first: an unreadable or empty MIDI file is not worth rendering.
        ScoredNote[] reference = ToScored(NoteMidiFile.ReadNotes(midi, _reference));
        if (reference.Length == 0)
        {
            throw new ClipSkippedException($"{Path.GetFileName(midi)} holds no notes outside channel 10");
        }

        if (!File.Exists(wav))
        {
            await _renderer.RenderAsync(midi, wav, cancellationToken).ConfigureAwait(false);
        }

        NoteTranscription transcription = await _transcriber.TranscribeAsync(wav, cancellationToken).ConfigureAwait(false);
        ScoredNote[] estimated = ToScored(transcription.Notes);
        return new NoteClipResult(
            Path.GetFileNameWithoutExtension(midi),
            transcription.DurationSeconds,
            NoteMatching.Score(reference, estimated, NoteMatchCriteria.OnsetOnly),
            NoteMatching.Score(reference, estimated, NoteMatchCriteria.WithOffsets));
    }

    /// <summary>A file that cannot be scored (no reference notes).</summary>
    private sealed class ClipSkippedException(string message) : Exception(message);
}
