using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using MusicEmotion.Audio;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend.Tests.Tracks;

public sealed class TrackAnalyzerTests : IClassFixture<ShippedAnalyzer>, IDisposable
{
    private readonly ShippedAnalyzer _shipped;
    private readonly TempDirectory _directory = new();

    public TrackAnalyzerTests(ShippedAnalyzer shipped) => _shipped = shipped;

    [Fact]
    public async Task The_id_is_the_sha256_of_the_file_and_descriptors_come_from_the_model_s_own_frames()
    {
        // 22.05 kHz mono: what the model sees is exactly the file's samples, so a separate descriptor pass must agree.
        float[] signal = Chord(22050, 12);
        string path = _directory.Write("chord.wav", PcmWav.Encode16(signal, 22050, 1));

        TrackAnalysis analysis = await _shipped.Tracks.AnalyzeAsync(path);

        analysis.Track.Id.Should().Be(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        analysis.Track.ModelName.Should().Be(_shipped.Emotion.Model.Card.Name);
        analysis.Track.ModelVersion.Should().Be(_shipped.Emotion.Model.Card.Version);
        analysis.Track.Timeline.Count.Should().Be(12);
        analysis.Track.Blocks.ArcLength.Should().Be(TrackVectorOptions.DefaultArcLength);

        using ISampleSource source = AudioLoader.Default.Open(path);
        float[] decoded = new float[signal.Length + 10];
        int n = source.Read(decoded);
        var separate = new TrackDescriptorExtractor(_shipped.Emotion.Model.Card.Features.Settings);
        separate.Push(decoded.AsSpan(0, n));
        TrackDescriptors expected = separate.Complete();
        analysis.Track.Descriptors.Values.Should().Equal(expected.Values);
        analysis.Track.Descriptors.Key.Name.Should().Be("A major");
    }

    [Fact]
    public async Task Importing_twice_skips_the_second_time_and_bad_files_fail_without_a_trace()
    {
        string good = _directory.Write("good.wav", PcmWav.Encode16(Chord(44100, 6), 44100, 1));
        string copy = _directory.Write("copy of good.wav", File.ReadAllBytes(good));
        string bad = _directory.Write("bad.mp3", Enumerable.Range(0, 3000).Select(i => (byte)(i * 31 % 253)).ToArray());
        using SqliteTrackCatalog catalog = SqliteTrackCatalog.Open(_directory.File("catalog.db"));
        var importer = new TrackImporter(_shipped.Tracks, catalog);

        var results = new List<TrackImportResult>();
        await foreach (TrackImportResult result in importer.ImportManyAsync([good, copy, bad, good], 2))
        {
            results.Add(result);
        }

        results.Should().HaveCount(4);
        results.Single(r => r.Index == 2).Status.Should().Be(TrackImportStatus.Failed);
        results.Where(r => r.Index != 2).Select(r => r.Status).Should().ContainSingle(s => s == TrackImportStatus.Added)
            .And.Subject.Count(s => s == TrackImportStatus.AlreadyPresent).Should().Be(2, "the same bytes are one track, whichever name is analysed first");
        results.Where(r => r.Index != 2).Select(r => r.TrackId).Distinct().Should().ContainSingle();
        results.Single(r => r.Status == TrackImportStatus.Failed).ErrorType.Should().EndWith("Exception");
        (await catalog.CountAsync()).Should().Be(1);
        (await importer.ImportAsync(good)).Status.Should().Be(TrackImportStatus.AlreadyPresent);
        await FluentActions.Awaiting(() => importer.ImportAsync(_directory.File("missing.wav"))).Should().ThrowAsync<AudioSourceNotFoundException>();
    }

    [Fact]
    public async Task A_row_made_by_another_model_is_re_analysed_and_replaced_and_a_file_that_fails_keeps_the_old_row()
    {
        string good = _directory.Write("song.wav", PcmWav.Encode16(Chord(44100, 6), 44100, 1));
        using SqliteTrackCatalog catalog = SqliteTrackCatalog.Open(_directory.File("models.db"));
        var importer = new TrackImporter(_shipped.Tracks, catalog);
        TrackAnalysis current = await _shipped.Tracks.AnalyzeAsync(good);
        (await catalog.AddAsync(current.Track with { ModelVersion = "0.9.0" })).Should().BeTrue("an earlier model's row");

        TrackImportResult result = await importer.ImportAsync(good);

        result.Status.Should().Be(TrackImportStatus.Reanalysed);
        TrackRecord stored = (await catalog.GetAsync(result.TrackId!))!;
        stored.ModelVersion.Should().Be(_shipped.Emotion.Model.Card.Version);
        stored.Timeline.Arousal.Should().Equal(current.Track.Timeline.Arousal);
        (await catalog.CountAsync()).Should().Be(1);
        (await importer.ImportAsync(good)).Status.Should().Be(TrackImportStatus.AlreadyPresent, "now the current model made it");

        // A file whose id is stored by another model but cannot be decoded any more (the catalog keeps the old row).
        string broken = _directory.Write("broken.mp3", Enumerable.Range(0, 3000).Select(i => (byte)(i * 31 % 253)).ToArray());
        string brokenId = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(broken)));
        (await catalog.AddAsync(current.Track with { Id = brokenId, ModelVersion = "0.9.0" })).Should().BeTrue();
        await FluentActions.Awaiting(() => importer.ImportAsync(broken)).Should().ThrowAsync<AudioException>();
        (await catalog.GetAsync(brokenId))!.ModelVersion.Should().Be("0.9.0", "nothing is removed before the new analysis is complete");
    }

    [Fact]
    public async Task The_services_resolve_from_dependency_injection_and_recommend_end_to_end()
    {
        var services = new ServiceCollection();
        services.AddMusicEmotionRecommendations(o => o.CatalogPath = _directory.File("di.db"));
        await using ServiceProvider provider = services.BuildServiceProvider();
        TrackImporter importer = provider.GetRequiredService<TrackImporter>();
        for (int i = 0; i < 4; i++)
        {
            await importer.ImportAsync(_directory.Write($"song{i}.wav", PcmWav.Encode16(Chord(22050, 5 + i, 220 * (i + 1)), 22050, 1)));
        }

        ITrackCatalog catalog = provider.GetRequiredService<ITrackCatalog>();
        TrackPage page = await catalog.ListAsync(0, 10);
        RecommendationResult result = await provider.GetRequiredService<Recommender>().SimilarAsync(page.Items[0].Id, 2);

        catalog.Should().BeOfType<SqliteTrackCatalog>();
        page.Total.Should().Be(4);
        result.Items.Should().HaveCount(2);
        result.Items.Should().OnlyContain(r => !string.IsNullOrWhiteSpace(r.Explanation));
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>An A major triad with a 2-Hz tremolo.</summary>
    private static float[] Chord(int rate, double seconds, double root = 220)
    {
        var samples = new float[(int)(rate * seconds)];
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / rate;
            double tremolo = 0.6 + (0.4 * Math.Sin(2 * Math.PI * 2 * t));
            samples[i] = (float)(0.2 * tremolo * (Math.Sin(2 * Math.PI * root * t) + Math.Sin(2 * Math.PI * root * 1.25992 * t) + Math.Sin(2 * Math.PI * root * 1.49831 * t)));
        }

        return samples;
    }
}

/// <summary>One analyser over the shipped model for a test class.</summary>
public sealed class ShippedAnalyzer : IDisposable
{
    public ShippedAnalyzer()
    {
        Emotion = EmotionAnalyzer.CreateDefault();
        Tracks = new TrackAnalyzer(Emotion);
    }

    public EmotionAnalyzer Emotion { get; }

    public TrackAnalyzer Tracks { get; }

    public void Dispose() => Emotion.Dispose();
}
