// The C# samples of README.md, verbatim (ReadmeSamplesTests checks that every block of the README stands here, so the
// README's code compiles with the packages as they are). Edit both together.
#pragma warning disable IDE0005 // the README's own using, needed there; this file's namespace already sees MusicEmotion
using MusicEmotion;
#pragma warning restore IDE0005
using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Features;
using MusicEmotion.Features.Extraction;
using MusicEmotion.Inference;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Analysis;
using MusicEmotion.Notes.Kinds;
using MusicEmotion.Notes.Midi;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend.Tests.Docs;

internal static class ReadmeSamples
{
    /// <summary>"Using the packages from C#".</summary>
    public static async Task AnalyseAsync(IEnumerable<string> files)
    {
        using var analyzer = EmotionAnalyzer.CreateDefault();              // the audio-only v2.1; note kinds registered: v3 (below)
        EmotionAnalysis result = await analyzer.AnalyzeAsync("song.flac");  // or AudioInput.FromStream(upload, "upload.mp3")

        IReadOnlyList<float> arousal = result.Timeline.Arousal;   // one value per second, value i covers [i, i+1)
        float[] vector = result.Vector.ToConcatenated();          // fixed length (default 180 per dimension) for similarity
        Console.WriteLine($"{result.Summary.DominantQuadrant}: {result.Description}");

        // Per call: smoothing, vector length, summary, description, an observer of the feature frames.
        EmotionAnalysis raw = await analyzer.AnalyzeAsync("song.flac", new AnalysisCallOptions { Smoothing = EmotionSmoothing.None });

        // Hour-long files: values arrive as soon as they are final, with bounded memory (v3: up to a transcription block, 5 min, late).
        await foreach (EmotionFrame second in analyzer.AnalyzeStreamingAsync("concert.mp3"))
            Console.WriteLine($"{second.Second}: {second.Arousal:0.00} {second.Valence:0.00}");

        // Catalogues: bounded concurrency; each item arrives as its file finishes, failures with their typed error.
        await foreach (EmotionBatchItem item in analyzer.AnalyzeManyAsync(files.Select(AudioInput.FromFile)))
            if (!item.Succeeded) Console.Error.WriteLine($"{item.Source}: {item.Error!.Message}");

        GC.KeepAlive((arousal, vector, raw));
    }

    /// <summary>"Notes (MusicEmotion.Notes)".</summary>
    public static async Task NotesAsync()
    {
        using var transcriber = new NoteTranscriber();
        NoteTranscription notes = await transcriber.TranscribeAsync("song.mp3");   // onset, offset, MIDI pitch, amplitude, pitch bends
        NoteMidiFile.Save(notes, "song.mid");                                     // one track at the estimated tempo
        NoteFeatures features = NoteFeatureAnalyzer.Analyze(notes);                // key, chords, melody, texture per second
        Console.WriteLine($"{features.Track.Key} {features.Seconds[10].Harmony.Chord}");   // e.g. "A minor Dm"
    }

    /// <summary>"Notes (MusicEmotion.Notes)": the note-aware model.</summary>
    public static void NoteAwareModel()
    {
        using var noteTranscriber = new NoteTranscriber();
        var noteAware = new EmotionAnalyzerOptions();
        noteAware.FeatureKinds.AddNoteFeatureKinds(noteTranscriber);                // the kinds v3's card names
        using var v3 = EmotionAnalyzer.CreateDefault(noteAware);                   // v3 (musicemotion-av-notes); without the kinds: v2.1
        Console.WriteLine(v3.Model.Card.Name);
    }

    /// <summary>"Recommendations (MusicEmotion.Recommend)".</summary>
    public static async Task RecommendAsync(EmotionAnalyzer analyzer)
    {
        var tracks = new TrackAnalyzer(analyzer);                       // one pass: emotion timeline + audio descriptors
        using var catalog = SqliteTrackCatalog.Open("catalog.db");      // or new InMemoryTrackCatalog()
        TrackImportResult added = await new TrackImporter(tracks, catalog).ImportAsync("song.flac");   // id = SHA-256 of the file

        using var recommender = new Recommender(catalog, tracks.ModelName, tracks.ModelVersion);
        RecommendationResult more = await recommender.RecommendAsync(new RecommendationRequest
        {
            Liked = [added.TrackId!], Disliked = [], K = 10, Diversity = 0.3, MaxDurationSeconds = 420,
        });
        foreach (Recommendation r in more.Items) Console.WriteLine($"{r.SourceName} {r.Score:0.00}: {r.Explanation}");
    }

    /// <summary>"Lower layers stand alone too".</summary>
    public static void LowerLayers()
    {
        using ISampleSource source = AudioLoader.Default.Open("song.flac").ToMonoAt(22050);   // streaming decode
        IFeatureStream mfcc = FeatureExtractorFactory.Create(FeatureKind.Mfcc, new FeatureSettings()).CreateStream();

        GC.KeepAlive(mfcc);
    }

    /// <summary>"Errors classify themselves".</summary>
    public static Task<int> ErrorsAsync(EmotionAnalyzer analyzer)
    {
        static async Task<int> ExitCodeOfAnalysisAsync(EmotionAnalyzer analyzer, string path)
        {
            try
            {
                await analyzer.AnalyzeAsync(path);
                return 0;
            }
            catch (MusicEmotionException ex) when (ex.Kind == MusicEmotionErrorKind.Input)
            {
                Console.Error.WriteLine($"bad input: {ex.Message}");
                return 2;
            }
        }

        return ExitCodeOfAnalysisAsync(analyzer, "song.flac");
    }
}
