// Analyses one song with the model shipped in the MusicEmotion.Inference package, transcribes its notes with the one
// shipped in MusicEmotion.Notes, and prints what it found.
// Usage: dotnet run -- song.mp3
using System.Globalization;
using MusicEmotion;
using MusicEmotion.Inference;
using MusicEmotion.Notes;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: ConsumerSample <audio file>");
    return 2;
}

try
{
    using EmotionAnalyzer analyzer = EmotionAnalyzer.CreateDefault();
    EmotionAnalysis result = await analyzer.AnalyzeAsync(args[0]);
    var c = CultureInfo.InvariantCulture;
    Console.WriteLine($"file: {result.Source}");
    Console.WriteLine(string.Create(c, $"duration: {result.DurationSeconds:0.0} s ({result.Timeline.Count} values per dimension), model: {result.ModelName}"));
    Console.WriteLine(string.Create(c, $"music: {result.Summary.MusicSeconds} of {result.Summary.Seconds} seconds"));
    if (result.Summary is { Arousal: { } arousal, Valence: { } valence })
    {
        Console.WriteLine(string.Create(c, $"mean arousal: {arousal.Mean:0.000}"));
        Console.WriteLine(string.Create(c, $"mean valence: {valence.Mean:0.000}"));
        Console.WriteLine($"dominant quadrant: {result.Summary.DominantQuadrant}");
    }

    Console.WriteLine($"description: {result.Description}");

    using var transcriber = new NoteTranscriber();
    NoteTranscription notes = await transcriber.TranscribeAsync(args[0]);
    Console.WriteLine(string.Create(c, $"notes: {notes.Notes.Count} (tempo {notes.TempoBpm:0.0} BPM)"));
    if (notes.Notes.Count > 0)
    {
        NoteEvent first = notes.Notes[0];
        Console.WriteLine(string.Create(c, $"first note: MIDI {first.Pitch} at {first.StartSeconds:0.000} s for {first.DurationSeconds:0.000} s"));
    }

    return 0;
}
catch (MusicEmotionException ex) when (ex.Kind != MusicEmotionErrorKind.Internal)
{
    // Bad input (a missing or undecodable file) or the environment (ffmpeg missing): the message says which.
    Console.Error.WriteLine($"ConsumerSample: {ex.Kind}: {ex.Message}");
    return 1;
}
