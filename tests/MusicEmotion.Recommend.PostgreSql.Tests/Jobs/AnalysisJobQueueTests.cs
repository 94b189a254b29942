using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.PostgreSql.Jobs;
using MusicEmotion.Recommend.Tests.TestSupport;
using MusicEmotion.Recommend.Tracks;
using Npgsql;

namespace MusicEmotion.Recommend.PostgreSql.Tests;

/// <summary>The queue's guarantees, call by call, against a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AnalysisJobQueueTests(PostgresServer server)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [SkippableFact]
    public async Task Enqueueing_is_idempotent_by_path_and_refuses_relative_paths()
    {
        await using QueueFixture q = await QueueFixture.CreateAsync(server);
        string[] paths = ["/music/a.mp3", "/music/b.mp3", "/music/a.mp3"];

        (await q.Queue.EnqueueAsync(paths)).Should().Be(new EnqueueResult(2, 0, 0));
        (await q.Queue.EnqueueAsync(["/music/b.mp3", "/music/c.mp3"])).Should().Be(new EnqueueResult(1, 0, 1));
        await FluentActions.Awaiting(() => q.Queue.EnqueueAsync(["music/relative.mp3"])).Should().ThrowAsync<ArgumentException>().WithMessage("*absolute*");

        AnalysisQueueStatus status = await q.Queue.GetStatusAsync();
        status.Pending.Should().Be(3);
        status.Total.Should().Be(3);
    }

    [SkippableFact]
    public async Task Concurrent_claims_never_hand_out_a_job_twice()
    {
        await using QueueFixture q = await QueueFixture.CreateAsync(server);
        await q.Queue.EnqueueAsync(Enumerable.Range(0, 200).Select(i => $"/music/{i:000}.mp3"));

        IReadOnlyList<AnalysisJob>[] claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(w =>
            Task.Run(async () =>
            {
                var mine = new List<AnalysisJob>();
                while ((await q.Queue.ClaimAsync($"worker {w}", 3, Lease)) is { Count: > 0 } jobs)
                {
                    mine.AddRange(jobs);
                }

                return (IReadOnlyList<AnalysisJob>)mine;
            })));

        List<AnalysisJob> all = claims.SelectMany(c => c).ToList();
        all.Should().HaveCount(200);
        all.Select(j => j.JobId).Should().OnlyHaveUniqueItems();
        all.Should().OnlyContain(j => j.Attempt == 1);
        (await q.Queue.GetStatusAsync()).Running.Should().Be(200);
    }

    [SkippableFact]
    public async Task An_expired_lease_is_taken_over_and_the_slow_worker_cannot_finish_the_job()
    {
        await using QueueFixture q = await QueueFixture.CreateAsync(server);
        TrackRecord track = TestTracks.Make("slow", TestTracks.Sound(1), TestTracks.Flat(0.2f));
        await q.Queue.EnqueueAsync(["/music/slow.mp3"]);
        AnalysisJob first = (await q.Queue.ClaimAsync("slow worker", 1, TimeSpan.FromSeconds(1))).Single();

        (await q.Queue.ClaimAsync("other", 1, Lease)).Should().BeEmpty("the lease is live");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        AnalysisJob second = (await q.Queue.ClaimAsync("other", 1, Lease)).Single();
        (await q.Queue.RenewAsync([first.LeaseToken, second.LeaseToken], Lease)).Should().BeEquivalentTo([second.LeaseToken]);

        second.JobId.Should().Be(first.JobId);
        second.Attempt.Should().Be(2);
        (await q.Queue.CompleteAsync(first, track.Id, track)).Should().Be(JobCompletion.LeaseLost);
        (await q.Catalog.CountAsync()).Should().Be(0, "a lost lease writes nothing");
        (await q.Catalog.GetRevisionAsync()).Should().Be(0);
        (await q.Queue.CompleteAsync(second, track.Id, track)).Should().Be(JobCompletion.Added);
        (await q.Queue.CompleteAsync(second, track.Id, track)).Should().Be(JobCompletion.LeaseLost, "a job is finished once");
        (await q.Catalog.CountAsync()).Should().Be(1);
        (await q.Queue.GetStatusAsync()).Added.Should().Be(1);
    }

    [SkippableFact]
    public async Task Renewed_leases_are_kept()
    {
        await using QueueFixture q = await QueueFixture.CreateAsync(server);
        await q.Queue.EnqueueAsync(["/music/long.flac"]);
        AnalysisJob job = (await q.Queue.ClaimAsync("steady", 1, TimeSpan.FromSeconds(1))).Single();

        for (int i = 0; i < 4; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(400));
            (await q.Queue.RenewAsync([job.LeaseToken], TimeSpan.FromSeconds(1))).Should().Contain(job.LeaseToken);
        }

        (await q.Queue.ClaimAsync("thief", 1, Lease)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task The_same_audio_under_two_paths_is_stored_once()
    {
        await using QueueFixture q = await QueueFixture.CreateAsync(server);
        TrackRecord track = TestTracks.Make("twin", TestTracks.Sound(2), TestTracks.Flat(0.1f));
        await q.Queue.EnqueueAsync(["/music/twin.mp3", "/backup/twin copy.mp3"]);
        IReadOnlyList<AnalysisJob> jobs = await q.Queue.ClaimAsync("w", 2, Lease);

        JobCompletion[] outcomes = await Task.WhenAll(jobs.Select(j => q.Queue.CompleteAsync(j, track.Id, track with { SourceName = j.Path })));

        outcomes.Should().BeEquivalentTo([JobCompletion.Added, JobCompletion.AlreadyPresent]);
        (await q.Catalog.CountAsync()).Should().Be(1);
        (await q.Catalog.GetRevisionAsync()).Should().Be(1);
        AnalysisQueueStatus status = await q.Queue.GetStatusAsync();
        (status.Added, status.AlreadyPresent).Should().Be((1, 1));
    }

    [SkippableFact]
    public async Task Failures_are_retried_then_set_aside_with_their_error_and_enqueueing_again_retries_them()
    {
        await using QueueFixture q = await QueueFixture.CreateAsync(server);
        await q.Queue.EnqueueAsync(["/music/broken.mp3"], maxAttempts: 2);

        AnalysisJob first = (await q.Queue.ClaimAsync("w", 1, Lease)).Single();
        (await q.Queue.FailAsync(first, "broken.mp3: not an MP3 frame", "AudioFormatException", TimeSpan.FromSeconds(1))).Should().Be(JobFailure.Retrying);
        (await q.Queue.ClaimAsync("w", 1, Lease)).Should().BeEmpty("the retry waits for its delay");
        AnalysisQueueStatus waiting = await q.Queue.GetStatusAsync();
        (waiting.Pending, waiting.Retrying).Should().Be((1, 1));
        waiting.Failures.Single().Error.Should().Contain("not an MP3 frame");

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        AnalysisJob second = (await q.Queue.ClaimAsync("w", 1, Lease)).Single();
        second.Attempt.Should().Be(2);
        (await q.Queue.FailAsync(second, "broken.mp3: still not an MP3 frame", "AudioFormatException", TimeSpan.Zero)).Should().Be(JobFailure.SetAside);
        (await q.Queue.ClaimAsync("w", 1, Lease)).Should().BeEmpty("a set-aside file is never retried on its own");
        (await q.Queue.HasOpenJobsAsync()).Should().BeFalse();

        AnalysisQueueStatus status = await q.Queue.GetStatusAsync();
        status.Failed.Should().Be(1);
        FailedJob failed = status.Failures.Single();
        (failed.Path, failed.Attempts, failed.MaxAttempts, failed.ErrorType).Should().Be(("/music/broken.mp3", 2, 2, "AudioFormatException"));
        failed.Error.Should().Contain("still not an MP3 frame");

        (await q.Queue.EnqueueAsync(["/music/broken.mp3"])).Should().Be(new EnqueueResult(0, 1, 0));
        (await q.Queue.ClaimAsync("w", 1, Lease)).Single().Attempt.Should().Be(1);
    }

    [SkippableFact]
    public async Task A_job_whose_worker_keeps_dying_is_set_aside_after_its_last_attempt()
    {
        await using QueueFixture q = await QueueFixture.CreateAsync(server);
        await q.Queue.EnqueueAsync(["/music/crashes-the-decoder.mp3"], maxAttempts: 2);
        for (int attempt = 1; attempt <= 2; attempt++)
        {
            (await q.Queue.ClaimAsync($"doomed {attempt}", 1, TimeSpan.FromSeconds(1))).Single().Attempt.Should().Be(attempt);
            await Task.Delay(TimeSpan.FromSeconds(1.3)); // the worker "dies": its lease expires
        }

        (await q.Queue.ClaimAsync("survivor", 1, Lease)).Should().BeEmpty();
        FailedJob failed = (await q.Queue.GetStatusAsync()).Failures.Single();
        failed.ErrorType.Should().Be("LeaseExpired");
        failed.Error.Should().Contain("doomed 2").And.Contain("2 of 2");
    }

    [SkippableFact]
    public async Task A_released_job_is_claimable_at_once_and_the_attempt_does_not_count()
    {
        await using QueueFixture q = await QueueFixture.CreateAsync(server);
        await q.Queue.EnqueueAsync(["/music/a.mp3"]);
        AnalysisJob job = (await q.Queue.ClaimAsync("stopping", 1, Lease)).Single();

        (await q.Queue.ReleaseAsync(job)).Should().BeTrue();
        (await q.Queue.ReleaseAsync(job)).Should().BeFalse();
        (await q.Queue.ClaimAsync("next", 1, Lease)).Single().Attempt.Should().Be(1);
    }

    [SkippableFact]
    public async Task Catalogs_of_an_older_schema_are_migrated_and_newer_or_foreign_schemas_are_refused()
    {
        server.Require();
        string database = server.CreateDatabase();
        TrackRecord track = TestTracks.Make("from v1", TestTracks.Sound(3), TestTracks.Flat(0.1f));
        await using (PostgresTrackCatalog v1 = await PostgresTrackCatalog.OpenAsync(database, new PostgresCatalogOptions { Schema = "old", SchemaVersion = 1 }))
        {
            // A row as a version-1 release wrote it: every column but the ones later migrations added (presence, 2 -> 3).
            string[] columns = TrackRows.Columns.Split(", ");
            int v1Columns = Array.IndexOf(columns, "presence");
            object?[] values = TrackRows.Values(track, "old");
            await using NpgsqlCommand insert = v1.DataSource.CreateCommand(
                $"INSERT INTO old.tracks ({string.Join(", ", columns[..v1Columns])}) VALUES ({string.Join(", ", Enumerable.Range(1, v1Columns).Select(i => $"${i}"))});");
            foreach (object? value in values[..v1Columns])
            {
                insert.Parameters.Add(value switch
                {
                    null => new NpgsqlParameter { Value = DBNull.Value },
                    DateTimeOffset time => new NpgsqlParameter<DateTime> { TypedValue = time.UtcDateTime, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz },
                    int tonic => new NpgsqlParameter<short> { TypedValue = checked((short)tonic) },
                    _ => new NpgsqlParameter { Value = value },
                });
            }

            (await insert.ExecuteNonQueryAsync()).Should().Be(1);
            (await PostgresCatalogSchema.VersionAsync(v1.DataSource, "old", CancellationToken.None)).Should().Be(1);
        }

        await using (PostgresTrackCatalog current = await PostgresTrackCatalog.OpenAsync(database, new PostgresCatalogOptions { Schema = "old" }))
        {
            (await PostgresCatalogSchema.VersionAsync(current.DataSource, "old", CancellationToken.None)).Should().Be(PostgresCatalogSchema.CurrentVersion);
            (await current.GetAsync(track.Id))!.SourceName.Should().Be("from v1");
            (await new AnalysisJobQueue(current).EnqueueAsync(["/music/new.mp3"])).Queued.Should().Be(1);
        }

        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"INSERT INTO old.schema_migrations (version) VALUES ({PostgresCatalogSchema.CurrentVersion + 1}); CREATE SCHEMA shop; CREATE TABLE shop.customers (id int);", connection);
            await command.ExecuteNonQueryAsync();
        }

        await FluentActions.Awaiting(() => PostgresTrackCatalog.OpenAsync(database, new PostgresCatalogOptions { Schema = "old" }))
            .Should().ThrowAsync<Catalog.CatalogException>().WithMessage("*newer MusicEmotion*");
        await FluentActions.Awaiting(() => PostgresTrackCatalog.OpenAsync(database, new PostgresCatalogOptions { Schema = "shop" }))
            .Should().ThrowAsync<Catalog.CatalogException>().WithMessage("*not a MusicEmotion catalog*");
    }

    [SkippableFact]
    public async Task Many_processes_opening_a_new_catalog_at_once_migrate_it_once()
    {
        server.Require();
        string database = server.CreateDatabase();
        PostgresTrackCatalog[] catalogs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostgresTrackCatalog.OpenAsync(database))));
        try
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM musicemotion.schema_migrations;", connection);
            ((long)(await command.ExecuteScalarAsync())!).Should().Be(PostgresCatalogSchema.CurrentVersion);
        }
        finally
        {
            foreach (PostgresTrackCatalog catalog in catalogs)
            {
                await catalog.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task Unreachable_servers_bad_logins_and_bad_settings_are_clear_errors()
    {
        server.Require();
        await FluentActions.Awaiting(() => PostgresTrackCatalog.OpenAsync("Host=127.0.0.1;Port=1;Username=mer;Timeout=3"))
            .Should().ThrowAsync<Catalog.CatalogException>().WithMessage("*cannot reach the PostgreSQL server*");
        await FluentActions.Awaiting(() => PostgresTrackCatalog.OpenAsync(server.ConnectionString("no_such_database")))
            .Should().ThrowAsync<Catalog.CatalogException>().WithMessage("*database does not exist*");
        await FluentActions.Awaiting(() => PostgresTrackCatalog.OpenAsync("Host=127.0.0.1;Bogus Key=1"))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*connection string*");
        await FluentActions.Awaiting(() => PostgresTrackCatalog.OpenAsync(server.ConnectionString(), new PostgresCatalogOptions { Schema = "Robert'); DROP TABLE x;--" }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*not a plain PostgreSQL name*");
    }
}
