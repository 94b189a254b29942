using MusicEmotion.Inference;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Kinds;
using MusicEmotion.Recommend.PostgreSql.Jobs;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend.PostgreSql.Tests;

/// <summary>A fresh catalog and queue in their own database, audio files to put in it, and the shipped analyser.</summary>
internal sealed class QueueFixture : IAsyncDisposable
{
    private static readonly Lazy<(EmotionAnalyzer Emotion, TrackAnalyzer Tracks)> Shipped = new(() =>
    {
        EmotionAnalyzer emotion = EmotionAnalyzer.CreateDefault();
        return (emotion, new TrackAnalyzer(emotion));
    });

    private static readonly Lazy<(EmotionAnalyzer Emotion, TrackAnalyzer Tracks)> NoteAware = new(() =>
    {
        var options = new EmotionAnalyzerOptions { Describe = false, PreferNotesModel = true };
        var transcriber = new Lazy<NoteTranscriber>(() => new NoteTranscriber());
        options.FeatureKinds.AddNoteFeatureKinds(() => transcriber.Value);
        EmotionAnalyzer emotion = EmotionAnalyzer.CreateDefault(options);
        return (emotion, new TrackAnalyzer(emotion));
    });

    private QueueFixture(string connectionString, PostgresTrackCatalog catalog)
    {
        ConnectionString = connectionString;
        Catalog = catalog;
        Queue = new AnalysisJobQueue(catalog);
    }

    public string ConnectionString { get; }

    public PostgresTrackCatalog Catalog { get; }

    public AnalysisJobQueue Queue { get; }

    public TempDirectory Files { get; } = new();

    public static TrackAnalyzer Analyzer => Shipped.Value.Tracks;

    /// <summary>The shipped note-aware model with the note kinds registered: its tracks have the melody block.</summary>
    public static TrackAnalyzer NoteAwareAnalyzer => NoteAware.Value.Tracks;

    public static async Task<QueueFixture> CreateAsync(PostgresServer server)
    {
        server.Require();
        string connectionString = server.CreateDatabase();
        return new QueueFixture(connectionString, await PostgresTrackCatalog.OpenAsync(connectionString));
    }

    /// <summary>A short WAV whose content depends on <paramref name="seed"/> (different seeds, different hashes).</summary>
    public string Song(string name, int seed, double seconds = 4)
    {
        const int rate = 22050;
        var samples = new float[(int)(rate * seconds)];
        double root = 110 + (seed * 17 % 300);
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / rate;
            samples[i] = (float)(0.25 * (Math.Sin(2 * Math.PI * root * t) + (0.5 * Math.Sin(2 * Math.PI * root * 1.5 * t))) * (0.6 + (0.4 * Math.Sin(2 * Math.PI * (1 + (seed % 5)) * t))));
        }

        return Files.Write(name, PcmWav.Encode16(samples, rate, 1));
    }

    /// <summary>A file that is not audio.</summary>
    public string Garbage(string name) => Files.Write(name, Enumerable.Range(0, 3000).Select(i => (byte)(i * 31 % 253)).ToArray());

    public async ValueTask DisposeAsync()
    {
        await Catalog.DisposeAsync();
        Files.Dispose();
    }
}
