using System.Diagnostics;
using Microsoft.Extensions.Options;
using MusicEmotion.Audio;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Analysis;
using MusicEmotion.Notes.Midi;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Server.Concurrency;
using MusicEmotion.Server.Configuration;
using MusicEmotion.Server.Logging;
using MusicEmotion.Server.Storage;

namespace MusicEmotion.Server.Api;

/// <summary>
/// The notes of a stored track as a MIDI file (<c>GET /api/tracks/{id}/notes.mid</c>): transcribed from the stored audio
/// on first request (behind the <see cref="UploadGate"/>, so transcriptions and uploads share the analysis slots, and
/// within <see cref="ServerOptions.AnalysisTimeoutSeconds"/>), then kept beside the audio
/// (<see cref="TrackAudioStore.NotesMidiPathOf"/>), written atomically: a request sees the whole file or none. An upload
/// analysed by a model that reads note kinds keeps the notes its analysis transcribed there already
/// (<c>TrackUploadService</c>). The track's harmony (key and chords) is derived from that one kept file.
/// </summary>
internal sealed class TrackNotesService(NoteTranscriber transcriber, TrackAudioStore audio, TrackLocks locks, UploadGate gate, MissingAudio missing,
    IOptions<ServerOptions> options, ILogger<TrackNotesService> logger)
{
    /// <summary>The path of <paramref name="track"/>'s MIDI file, transcribing it first when it is not kept yet.</summary>
    /// <exception cref="ApiProblemException">
    /// 404 <c>audio-not-found</c> (no stored audio), 422 <c>undecodable</c> (the stored audio cannot be decoded) or
    /// <c>analysis-timeout</c>, 503 <c>overloaded</c> (every analysis slot busy and the queue full).
    /// </exception>
    public async Task<string> MidiPathAsync(TrackRecord track, CancellationToken cancellationToken)
    {
        string midi = audio.NotesMidiPathOf(track.Id);
        if (File.Exists(midi))
        {
            return midi;
        }

        // One transcription per track at a time; a delete waits for it (and removes what it wrote).
        using IDisposable trackLock = await locks.AcquireAsync(track.Id, cancellationToken).ConfigureAwait(false);
        if (File.Exists(midi))
        {
            return midi; // written while this request waited
        }

        string source = audio.PathOf(track.Id);
        if (!File.Exists(source))
        {
            missing.Missing(track.Id);
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status404NotFound, ProblemCode.AudioNotFound, "Audio not stored",
                $"Track {track.Id} is in the catalog but its audio is not stored, so its notes cannot be transcribed.") { TrackId = track.Id });
        }

        using WorkGate.Admission admission = gate.TryAdmit() ?? throw new ApiProblemException(ApiProblem.Overloaded("analyses", gate.RetryAfterSeconds));
        using IDisposable slot = await admission.WaitForSlotAsync(TimeSpan.FromSeconds(options.Value.MaxQueueWaitSeconds), cancellationToken).ConfigureAwait(false)
            ?? throw new ApiProblemException(ApiProblem.Overloaded("analyses", gate.RetryAfterSeconds));
        TimeSpan timeout = TimeSpan.FromSeconds(options.Value.AnalysisTimeoutSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        long started = Stopwatch.GetTimestamp();
        NoteTranscription transcription;
        try
        {
            transcription = await transcriber.TranscribeAsync(source, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status422UnprocessableEntity, ProblemCode.AnalysisTimeout, "Transcription took too long",
                $"The notes of track {track.Id} were still being transcribed after {timeout.TotalSeconds:0} s, the limit.") { TrackId = track.Id });
        }
        catch (AudioException ex) when (ex is not AudioDecoderException) // a decoder's own fault stays a 500
        {
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status422UnprocessableEntity, ProblemCode.Undecodable, "Audio cannot be decoded",
                $"The stored audio of track {track.Id} cannot be decoded for transcription: {ex.Problem.Replace(source, track.Id, StringComparison.Ordinal)}") { TrackId = track.Id });
        }

        NoteMidiFile.Save(transcription with { Source = track.SourceName }, midi);
        ServerLog.NotesTranscribed(logger, track.Id, transcription.Notes.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return midi;
    }

    /// <summary>
    /// The key and chords of <paramref name="track"/>'s notes: read from its kept MIDI file <paramref name="midi"/>
    /// (<see cref="MidiPathAsync"/>, which transcribes first when there is none) and analysed (<see cref="NoteFeatureAnalyzer"/>: little next to a
    /// transcription, docs/benchmarks.md "Features from notes"; bounded by the longest audio the service takes).
    /// </summary>
    /// <exception cref="ApiProblemException">404 <c>track-not-found</c>: the track was deleted meanwhile (its kept notes with it).</exception>
    public static TrackHarmonyResponse Harmony(TrackRecord track, string midi)
    {
        IReadOnlyList<NoteEvent> notes;
        try
        {
            notes = NoteMidiFile.ReadNotes(midi);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ApiProblemException(ApiProblem.TrackNotFound(track.Id));
        }

        NoteFeatures features = NoteFeatureAnalyzer.Analyze(notes, track.DurationSeconds);
        return TrackHarmonyResponse.From(track.Id, track.DurationSeconds, notes.Count, features);
    }
}
