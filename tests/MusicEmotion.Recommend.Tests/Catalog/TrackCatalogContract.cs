using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tests.TestSupport;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tests.Catalog;

/// <summary>
/// The behaviour every <see cref="ITrackCatalog"/> must have; one subclass per implementation runs it (this file is also
/// compiled into the test projects of the catalogs that live in other packages, e.g. PostgreSQL). Facts are skippable so
/// that a store whose server is absent on a developer machine can skip with its reason.
/// </summary>
public abstract class TrackCatalogContract : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>A new, empty catalog.</summary>
    protected abstract ITrackCatalog CreateCatalog();

    protected ITrackCatalog NewCatalog()
    {
        ITrackCatalog catalog = CreateCatalog();
        _owned.Add(catalog);
        return catalog;
    }

    [SkippableFact]
    public async Task A_track_reads_back_exactly_as_it_was_added()
    {
        ITrackCatalog catalog = NewCatalog();
        TrackRecord track = TestTracks.Make("song one", TestTracks.Sound(1), TestTracks.Ramp(-0.5f, 0.5f, 37), duration: 36.4);

        (await catalog.AddAsync(track)).Should().BeTrue();
        TrackRecord? read = await catalog.GetAsync(track.Id);

        read.Should().NotBeNull();
        read!.Id.Should().Be(track.Id);
        read.SourceName.Should().Be("song one");
        read.DurationSeconds.Should().Be(36.4);
        read.ModelName.Should().Be(TestTracks.Model);
        read.ModelVersion.Should().Be(TestTracks.Version);
        read.Description.Should().Be("song one description");
        read.Timeline.Arousal.Should().Equal(track.Timeline.Arousal);
        read.Timeline.Valence.Should().Equal(track.Timeline.Valence);
        read.Descriptors.Values.Should().Equal(track.Descriptors.Values);
        read.Descriptors.Key.Should().Be(track.Descriptors.Key);
        read.Blocks.EmotionStatistics.Should().Equal(track.Blocks.EmotionStatistics);
        read.Blocks.EmotionArc.Should().Equal(track.Blocks.EmotionArc);
        read.AddedUtc.Should().BeCloseTo(track.AddedUtc, TimeSpan.FromMilliseconds(1));
    }

    [SkippableFact]
    public async Task A_melody_block_reads_back_exactly_and_a_track_without_one_reads_back_without()
    {
        ITrackCatalog catalog = NewCatalog();
        TrackRecord with = TestTracks.Make("with melody", TestTracks.Sound(3), TestTracks.Flat(0.2f), melody: TestTracks.Melody(3));
        TrackRecord without = TestTracks.Make("without melody", TestTracks.Sound(4), TestTracks.Flat(0.3f));
        await catalog.AddAsync(with);
        await catalog.AddAsync(without);

        (await catalog.GetAsync(with.Id))!.Blocks.Melody.Should().Equal(with.Blocks.Melody);
        (await catalog.GetAsync(without.Id))!.Blocks.Melody.Should().BeNull();
        var all = new Dictionary<string, TrackRecord>();
        await foreach (TrackRecord track in catalog.ReadAllAsync())
        {
            all[track.Id] = track;
        }

        all[with.Id].Blocks.Melody.Should().Equal(with.Blocks.Melody);
        all[without.Id].Blocks.Melody.Should().BeNull();
    }

    [SkippableFact]
    public async Task Statistics_with_a_melody_block_are_stored_and_replaced_by_statistics_without()
    {
        ITrackCatalog catalog = NewCatalog();
        var builder = new CatalogStatisticsBuilder(TestTracks.Model, TestTracks.Version, TrackVectorOptions.DefaultArcLength);
        builder.Add(TestTracks.Make("x", TestTracks.Sound(8), TestTracks.Ramp(0, 1), melody: TestTracks.Melody(8)).Blocks);
        builder.Add(TestTracks.Make("y", TestTracks.Sound(9), TestTracks.Ramp(1, 0), melody: TestTracks.Melody(9)).Blocks);
        builder.Add(TestTracks.Make("z", TestTracks.Sound(10), TestTracks.Ramp(1, 0)).Blocks);
        CatalogStatistics statistics = builder.Build();
        statistics.Melody.Should().NotBeNull();

        await catalog.SaveStatisticsAsync(statistics);
        CatalogStatistics? read = await catalog.GetStatisticsAsync();
        read!.Melody!.Mean.Should().Equal(statistics.Melody!.Mean);
        read.Melody.StandardDeviation.Should().Equal(statistics.Melody.StandardDeviation);

        await catalog.SaveStatisticsAsync(statistics with { Melody = null });
        (await catalog.GetStatisticsAsync())!.Melody.Should().BeNull();
    }

    [SkippableFact]
    public async Task Adding_the_same_id_twice_is_a_no_op()
    {
        ITrackCatalog catalog = NewCatalog();
        TrackRecord track = TestTracks.Make("same", TestTracks.Sound(2), TestTracks.Flat(0.1f));
        (await catalog.AddAsync(track)).Should().BeTrue();
        long revision = await catalog.GetRevisionAsync();

        (await catalog.AddAsync(track with { SourceName = "another name" })).Should().BeFalse();

        (await catalog.CountAsync()).Should().Be(1);
        (await catalog.GetAsync(track.Id))!.SourceName.Should().Be("same");
        (await catalog.GetRevisionAsync()).Should().Be(revision);
    }

    [SkippableFact]
    public async Task List_pages_in_the_order_tracks_were_added()
    {
        ITrackCatalog catalog = NewCatalog();
        TrackRecord[] tracks = Enumerable.Range(0, 7).Select(i => TestTracks.Make($"t{i}", TestTracks.Sound(i), TestTracks.Flat(i / 10f))).ToArray();
        foreach (TrackRecord t in tracks)
        {
            await catalog.AddAsync(t);
        }

        TrackPage first = await catalog.ListAsync(0, 3);
        TrackPage last = await catalog.ListAsync(6, 3);
        TrackPage beyond = await catalog.ListAsync(10, 3);

        first.Items.Select(t => t.SourceName).Should().Equal("t0", "t1", "t2");
        first.Total.Should().Be(7);
        first.HasMore.Should().BeTrue();
        last.Items.Select(t => t.SourceName).Should().Equal("t6");
        last.HasMore.Should().BeFalse();
        beyond.Items.Should().BeEmpty();
        var all = new List<string>();
        await foreach (TrackRecord t in catalog.ReadAllAsync())
        {
            all.Add(t.SourceName);
        }

        all.Should().Equal(tracks.Select(t => t.SourceName));
        await FluentActions.Awaiting(() => catalog.ListAsync(0, 0)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(() => catalog.ListAsync(-1, 5)).Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [SkippableFact]
    public async Task Remove_count_contains_and_revision_agree()
    {
        ITrackCatalog catalog = NewCatalog();
        TrackRecord a = TestTracks.Make("a", TestTracks.Sound(3), TestTracks.Flat(0.2f)), b = TestTracks.Make("b", TestTracks.Sound(4), TestTracks.Flat(-0.2f));
        long start = await catalog.GetRevisionAsync();
        await catalog.AddAsync(a);
        await catalog.AddAsync(b);

        (await catalog.ContainsAsync(a.Id.ToUpperInvariant())).Should().BeTrue("ids are case-insensitive hex");
        (await catalog.RemoveAsync(a.Id)).Should().BeTrue();
        (await catalog.RemoveAsync(a.Id)).Should().BeFalse();

        (await catalog.ContainsAsync(a.Id)).Should().BeFalse();
        (await catalog.GetAsync(a.Id)).Should().BeNull();
        (await catalog.CountAsync()).Should().Be(1);
        (await catalog.GetRevisionAsync()).Should().Be(start + 3);
    }

    [SkippableFact]
    public async Task Tracks_are_counted_per_model_version()
    {
        ITrackCatalog catalog = NewCatalog();
        await catalog.AddAsync(TestTracks.Make("new 1", TestTracks.Sound(5), TestTracks.Flat(0f)));
        await catalog.AddAsync(TestTracks.Make("new 2", TestTracks.Sound(6), TestTracks.Flat(0f)));
        await catalog.AddAsync(TestTracks.Make("old", TestTracks.Sound(7), TestTracks.Flat(0f), version: "0.9.0"));

        (await catalog.CountByModelAsync()).Should().Equal(
            new ModelTrackCount(TestTracks.Model, TestTracks.Version, 2),
            new ModelTrackCount(TestTracks.Model, "0.9.0", 1));
    }

    [SkippableFact]
    public async Task Statistics_are_stored_and_replaced()
    {
        ITrackCatalog catalog = NewCatalog();
        (await catalog.GetStatisticsAsync()).Should().BeNull();
        var builder = new CatalogStatisticsBuilder(TestTracks.Model, TestTracks.Version, TrackVectorOptions.DefaultArcLength);
        builder.Add(TestTracks.Make("x", TestTracks.Sound(8), TestTracks.Ramp(0, 1)).Blocks);
        builder.Add(TestTracks.Make("y", TestTracks.Sound(9), TestTracks.Ramp(1, 0)).Blocks);
        CatalogStatistics statistics = builder.Build();

        await catalog.SaveStatisticsAsync(statistics);
        await catalog.SaveStatisticsAsync(statistics with { TrackCount = 5 });
        CatalogStatistics? read = await catalog.GetStatisticsAsync();

        read!.TrackCount.Should().Be(5);
        read.ArcLength.Should().Be(statistics.ArcLength);
        read.Descriptors.Mean.Should().Equal(statistics.Descriptors.Mean);
        read.Descriptors.StandardDeviation.Should().Equal(statistics.Descriptors.StandardDeviation);
        read.EmotionArc.StandardDeviation.Should().Equal(statistics.EmotionArc.StandardDeviation);
        read.IsFor(TestTracks.Model, TestTracks.Version).Should().BeTrue();
    }

    [SkippableFact]
    public async Task Invalid_records_and_ids_are_refused_and_nothing_is_stored()
    {
        ITrackCatalog catalog = NewCatalog();
        TrackRecord good = TestTracks.Make("good", TestTracks.Sound(10), TestTracks.Flat(0f));

        await FluentActions.Awaiting(() => catalog.AddAsync(good with { Id = "not-a-hash" })).Should().ThrowAsync<CatalogException>().WithMessage("*not a SHA-256*");
        await FluentActions.Awaiting(() => catalog.AddAsync(good with { DurationSeconds = double.NaN })).Should().ThrowAsync<CatalogException>();
        await FluentActions.Awaiting(() => catalog.AddAsync(good with { ModelVersion = "" })).Should().ThrowAsync<CatalogException>();
        await FluentActions.Awaiting(() => catalog.GetAsync("../../etc/passwd")).Should().ThrowAsync<ArgumentException>();
        (await catalog.CountAsync()).Should().Be(0);
    }

    public void Dispose()
    {
        foreach (IDisposable owned in _owned)
        {
            owned.Dispose();
        }

        OnDispose();
        GC.SuppressFinalize(this);
    }

    protected virtual void OnDispose()
    {
    }
}
