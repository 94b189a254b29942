using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tests.TestSupport;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tests.Catalog;

public sealed class SqliteTrackCatalogTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Tracks_survive_reopening_and_the_file_is_in_wal_mode_with_the_current_schema()
    {
        string path = _directory.File("catalog.db");
        TrackRecord track = TestTracks.Make("persisted", TestTracks.Sound(1), TestTracks.Flat(0.3f));
        using (SqliteTrackCatalog catalog = SqliteTrackCatalog.Open(path))
        {
            await catalog.AddAsync(track);
        }

        using (SqliteTrackCatalog reopened = SqliteTrackCatalog.Open(path))
        {
            (await reopened.GetAsync(track.Id))!.SourceName.Should().Be("persisted");
        }

        SqliteProbe.Pragma(path, "journal_mode").Should().Be("wal");
        SqliteProbe.Pragma(path, "user_version").Should().Be(SqliteCatalogSchema.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        SqliteProbe.Pragma(path, "integrity_check").Should().Be("ok");
    }

    [Fact]
    public async Task An_older_schema_is_migrated_in_place_and_keeps_its_tracks()
    {
        string path = _directory.File("old.db");
        TrackRecord track = TestTracks.Make("from v1", TestTracks.Sound(2), TestTracks.Flat(0.1f));
        SqliteTrackCatalog.Open(path, new SqliteCatalogOptions { SchemaVersion = 1 }).Dispose();
        InsertAsVersionOne(path, track);

        SqliteProbe.Pragma(path, "user_version").Should().Be("1");
        using SqliteTrackCatalog current = SqliteTrackCatalog.Open(path);

        SqliteProbe.Pragma(path, "user_version").Should().Be(SqliteCatalogSchema.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        TrackRecord read = (await current.GetAsync(track.Id))!;
        read.SourceName.Should().Be("from v1");
        read.Timeline.Presence.Should().OnlyContain(p => p == MusicPresence.Music, "rows from before music detection read as all music");
        (await current.CountByModelAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task A_schema_3_catalog_gains_the_melody_column_and_its_old_rows_are_recommended_without_the_block()
    {
        string path = _directory.File("v3.db");
        TrackRecord old = TestTracks.Make("before melody", TestTracks.Sound(5), TestTracks.Ramp(-0.2f, 0.4f));
        SqliteTrackCatalog.Open(path, new SqliteCatalogOptions { SchemaVersion = 3 }).Dispose();
        InsertAsVersionOne(path, old, columnCount: 16);
        SqliteProbe.Pragma(path, "user_version").Should().Be("3");

        using SqliteTrackCatalog current = SqliteTrackCatalog.Open(path);
        SqliteProbe.Pragma(path, "user_version").Should().Be(SqliteCatalogSchema.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await current.GetAsync(old.Id))!.Blocks.Melody.Should().BeNull("rows from before the melody block have none");
        TrackRecord[] analysedSince = [.. Enumerable.Range(0, 3).Select(i => TestTracks.Make($"with melody {i}", TestTracks.Sound(10 + i), TestTracks.Ramp(-0.2f, 0.4f + (i / 10f)), melody: TestTracks.Melody(10 + i)))];
        foreach (TrackRecord track in analysedSince)
        {
            await current.AddAsync(track);
        }

        using var recommender = new Recommender(current, TestTracks.Model, TestTracks.Version);
        RecommendationResult result = await recommender.SimilarAsync(analysedSince[0].Id, 3);

        result.Items.Should().HaveCount(3, "the old row is recommended too");
        Recommendation oldOne = result.Items.Single(r => r.TrackId == old.Id);
        oldOne.Blocks.Should().Contain(b => b.Block == VectorBlock.Melody && b.Cosine == 0, "its melody slice is empty: the block is left out of its similarity");
        result.Items.Where(r => r.TrackId != old.Id).Should().OnlyContain(r => r.Blocks.Any(b => b.Block == VectorBlock.Melody && b.Weight > 0.19 && b.Weight < 0.21));
        (await current.GetStatisticsAsync())!.Melody.Should().NotBeNull("the statistics cover the block of the tracks that have it");
    }

    /// <summary>Writes <paramref name="track"/> as an older release did: its first <paramref name="columnCount"/> columns (15 in schema 1: no presence; 16 in schema 3: no melody).</summary>
    private static void InsertAsVersionOne(string path, TrackRecord track, int columnCount = 15)
    {
        object?[] values = TrackRows.Values(track, "v1");
        string[] columns = TrackRows.Columns.Split(", ")[..columnCount];
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using Microsoft.Data.Sqlite.SqliteCommand insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO tracks ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))});";
        for (int i = 0; i < columns.Length; i++)
        {
            insert.Parameters.AddWithValue($"@p{i}", values[i] switch
            {
                null => DBNull.Value,
                float[] floats => FloatBlob.ToBytes(floats),
                DateTimeOffset time => time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                bool flag => flag ? 1 : 0,
                var other => other,
            });
        }

        insert.ExecuteNonQuery();
    }

    [Fact]
    public void A_catalog_from_a_newer_release_is_refused()
    {
        string path = _directory.File("future.db");
        SqliteTrackCatalog.Open(path).Dispose();
        SqliteProbe.Scalar(path, $"PRAGMA user_version = {SqliteCatalogSchema.CurrentVersion + 1};");

        FluentActions.Invoking(() => SqliteTrackCatalog.Open(path)).Should().Throw<CatalogException>().WithMessage("*newer MusicEmotion*");
    }

    [Fact]
    public void Files_that_are_not_catalogs_are_refused_and_left_untouched()
    {
        string text = _directory.Write("notes.db", "hello, this is not a database at all, just some text that is long enough"u8.ToArray());
        byte[] before = File.ReadAllBytes(text);
        FluentActions.Invoking(() => SqliteTrackCatalog.Open(text)).Should().Throw<CatalogException>().WithMessage("*not a SQLite database*");
        File.ReadAllBytes(text).Should().Equal(before);

        string other = _directory.File("other.db");
        SqliteProbe.Scalar(other, "CREATE TABLE customers (id INTEGER);");
        FluentActions.Invoking(() => SqliteTrackCatalog.Open(other)).Should().Throw<CatalogException>().WithMessage("*not a MusicEmotion catalog*");

        FluentActions.Invoking(() => SqliteTrackCatalog.Open(_directory.File("missing/dir/catalog.db"))).Should().Throw<CatalogException>().WithMessage("*does not exist*");
        FluentActions.Invoking(() => SqliteTrackCatalog.Open(_directory.Path)).Should().Throw<CatalogException>().WithMessage("*is a folder*");
    }

    [Fact]
    public async Task A_failure_inside_an_add_rolls_the_whole_track_back()
    {
        string path = _directory.File("atomic.db");
        using SqliteTrackCatalog catalog = SqliteTrackCatalog.Open(path);
        long revision = await catalog.GetRevisionAsync();
        // The revision update is the add's last statement, after the track row is inserted: make it fail.
        SqliteProbe.Scalar(path, "CREATE TRIGGER fail_revision BEFORE UPDATE ON catalog_meta BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;");

        await FluentActions.Awaiting(() => catalog.AddAsync(TestTracks.Make("doomed", TestTracks.Sound(3), TestTracks.Flat(0f)))).Should().ThrowAsync<CatalogException>();

        (await catalog.CountAsync()).Should().Be(0);
        (await catalog.GetRevisionAsync()).Should().Be(revision);
        SqliteProbe.Scalar(path, "DROP TRIGGER fail_revision;");
        (await catalog.AddAsync(TestTracks.Make("doomed", TestTracks.Sound(3), TestTracks.Flat(0f)))).Should().BeTrue();
    }

    [Fact]
    public async Task Parallel_writers_and_readers_on_one_file_lose_nothing()
    {
        string path = _directory.File("busy.db");
        TrackRecord[] tracks = Enumerable.Range(0, 120).Select(i => TestTracks.Make($"track {i}", TestTracks.Sound(i), TestTracks.Flat((i % 20) / 20f, 30))).ToArray();
        using SqliteTrackCatalog writerCatalog = SqliteTrackCatalog.Open(path);
        using SqliteTrackCatalog readerCatalog = SqliteTrackCatalog.Open(path);
        using var stop = new CancellationTokenSource();
        int reads = 0;
        var readersStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task[] readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                TrackPage page = await readerCatalog.ListAsync(0, 50);
                page.Items.All(t => t.Timeline.Count == 30 && t.Blocks.EmotionArc.Count == 64).Should().BeTrue("readers only ever see whole tracks");
                int count = await readerCatalog.CountAsync();
                count.Should().BeInRange(0, tracks.Length);
                Interlocked.Increment(ref reads);
                readersStarted.TrySetResult();
            }
        })).ToArray();

        // Writers start only once the readers are reading, so the two really overlap even on a busy two-core machine.
        await readersStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        int readsBeforeWriting = Volatile.Read(ref reads);

        // Six writers; every track is offered twice (by different writers), so duplicates race too.
        Task<int>[] writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            int added = 0;
            for (int i = w % 3; i < tracks.Length; i += 3)
            {
                added += await writerCatalog.AddAsync(tracks[i]) ? 1 : 0;
            }

            return added;
        })).ToArray();
        int[] added = await Task.WhenAll(writers);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        added.Sum().Should().Be(tracks.Length, "each track is added exactly once");
        (await readerCatalog.CountAsync()).Should().Be(tracks.Length);
        (await readerCatalog.GetRevisionAsync()).Should().Be(tracks.Length);
        reads.Should().BeGreaterThan(0);
        readsBeforeWriting.Should().BeGreaterThan(0);
        SqliteProbe.Pragma(path, "integrity_check").Should().Be("ok");
    }

    public void Dispose() => _directory.Dispose();
}
