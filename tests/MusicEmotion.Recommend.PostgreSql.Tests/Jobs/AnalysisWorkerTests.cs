using System.Collections.Concurrent;
using MusicEmotion.Recommend.PostgreSql.Jobs;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.PostgreSql.Tests;

/// <summary>Workers on real audio with the shipped model, against a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AnalysisWorkerTests(PostgresServer server)
{
    [SkippableFact]
    public async Task Two_workers_drain_the_queue_each_song_once_and_a_bad_file_is_set_aside_with_its_error()
    {
        await using QueueFixture q = await QueueFixture.CreateAsync(server);
        string[] songs = Enumerable.Range(0, 6).Select(i => q.Song($"song {i}.wav", i)).ToArray();
        string copy = q.Files.Write("copy of song 0.wav", File.ReadAllBytes(songs[0]));
        string garbage = q.Garbage("not audio.mp3");
        await q.Queue.EnqueueAsync([.. songs, copy, garbage], maxAttempts: 2);
        var results = new ConcurrentBag<AnalysisJobResult>();
        var progress = new Progress(results.Add);
        var options = new AnalysisWorkerOptions { Concurrency = 2, ExitWhenIdle = true, RetryDelay = TimeSpan.Zero, PollInterval = TimeSpan.FromMilliseconds(50) };

        AnalysisWorkerSummary[] summaries = await Task.WhenAll(
            new AnalysisWorker(q.Queue, QueueFixture.Analyzer, options).RunAsync(progress),
            new AnalysisWorker(q.Queue, QueueFixture.Analyzer, options).RunAsync(progress));

        summaries.Sum(s => s.Added).Should().Be(6);
        summaries.Sum(s => s.AlreadyPresent).Should().Be(1, "the copy has the same content hash");
        summaries.Sum(s => s.Retrying).Should().Be(1);
        summaries.Sum(s => s.SetAside).Should().Be(1);
        (await q.Catalog.CountAsync()).Should().Be(6);
        (await q.Catalog.GetRevisionAsync()).Should().Be(6);
        var ids = new HashSet<string>();
        await foreach (TrackRecord track in q.Catalog.ReadAllAsync())
        {
            ids.Add(track.Id);
            track.Timeline.Count.Should().Be(4);
            track.ModelName.Should().Be(QueueFixture.Analyzer.ModelName);
        }

        ids.Should().BeEquivalentTo(await Task.WhenAll(songs.Select(s => TrackId.ComputeAsync(s))));
        AnalysisQueueStatus status = await q.Queue.GetStatusAsync();
        (status.Pending, status.Running, status.Added, status.AlreadyPresent, status.Failed).Should().Be((0, 0, 6, 1, 1));
        FailedJob failed = status.Failures.Single();
        failed.Path.Should().Be(garbage);
        failed.Attempts.Should().Be(2);
        failed.ErrorType.Should().EndWith("Exception");
        results.Where(r => r.Outcome == AnalysisJobOutcome.SetAside).Single().Error.Should().Be(failed.Error);
    }

    [SkippableFact]
    public async Task Rows_another_model_made_are_queued_again_re_analysed_and_replaced_only_once_the_new_analysis_is_complete()
    {
        await using QueueFixture q = await QueueFixture.CreateAsync(server);
        TrackAnalyzer analyzer = QueueFixture.Analyzer;
        string done = q.Song("done earlier.wav", 1);
        string current = q.Song("current.wav", 2);
        string added = q.Song("added by catalog add.wav", 3);
        string broken = q.Garbage("no longer decodes.mp3");
        var options = new AnalysisWorkerOptions { Concurrency = 2, ExitWhenIdle = true, RetryDelay = TimeSpan.Zero, PollInterval = TimeSpan.FromMilliseconds(50) };
        (await q.Queue.EnqueueForModelAsync([done, current], analyzer.CurrentAnalysis)).Queued.Should().Be(2);
        (await new AnalysisWorker(q.Queue, analyzer, options).RunAsync()).Added.Should().Be(2);

        // An earlier model's rows: one of a file whose job is done, one stored without a job (as `mer catalog add` does),
        // one of a file that can no longer be decoded.
        string doneId = await TrackId.ComputeAsync(done);
        TrackRecord doneTrack = (await q.Catalog.GetAsync(doneId))!;
        (await q.Catalog.RemoveAsync(doneId)).Should().BeTrue();
        (await q.Catalog.AddAsync(doneTrack with { ModelVersion = "0.9.0" })).Should().BeTrue();
        string addedId = await TrackId.ComputeAsync(added);
        TrackRecord addedTrack = (await analyzer.AnalyzeAsync(added, added, addedId)).Track;
        (await q.Catalog.AddAsync(addedTrack with { ModelVersion = "0.9.0" })).Should().BeTrue();
        string brokenId = await TrackId.ComputeAsync(broken);
        (await q.Catalog.AddAsync(doneTrack with { Id = brokenId, ModelVersion = "0.9.0" })).Should().BeTrue();

        EnqueueResult enqueued = await q.Queue.EnqueueForModelAsync([done, current, added, broken], analyzer.CurrentAnalysis, maxAttempts: 1);
        (enqueued.Queued, enqueued.Requeued, enqueued.Reanalysis, enqueued.AlreadyKnown).Should().Be((2, 0, 1, 1),
            "the done file with an earlier model's row is queued again, the current one is left alone, the other two are new jobs");
        (await q.Queue.EnqueueAsync([done, current])).Should().Be(new EnqueueResult(0, 0, 2), "without a model, done jobs are left alone");
        AnalysisWorkerSummary summary = await new AnalysisWorker(q.Queue, analyzer, options).RunAsync();

        (summary.Added, summary.Reanalysed, summary.AlreadyPresent, summary.SetAside).Should().Be((0, 2, 0, 1));
        (await q.Catalog.CountAsync()).Should().Be(4);
        foreach (string id in new[] { doneId, addedId })
        {
            TrackRecord replaced = (await q.Catalog.GetAsync(id))!;
            replaced.ModelVersion.Should().Be(analyzer.ModelVersion);
        }

        (await q.Catalog.GetAsync(doneId))!.Timeline.Arousal.Should().Equal(doneTrack.Timeline.Arousal, "the same model on the same audio");
        (await q.Catalog.GetAsync(brokenId))!.ModelVersion.Should().Be("0.9.0", "nothing is removed before a new analysis is complete");
        AnalysisQueueStatus status = await q.Queue.GetStatusAsync();
        (status.Pending, status.Running, status.Added, status.AlreadyPresent, status.Failed).Should().Be((0, 0, 3, 0, 1));
        (await q.Queue.EnqueueForModelAsync([done, current, added], analyzer.CurrentAnalysis)).Should().Be(new EnqueueResult(0, 0, 3),
            "every row is the current model's now");
    }

    [SkippableFact]
    public async Task Rows_the_note_aware_model_stored_before_the_melody_block_are_queued_again_and_re_analysed_like_another_models()
    {
        await using QueueFixture q = await QueueFixture.CreateAsync(server);
        TrackAnalyzer analyzer = QueueFixture.NoteAwareAnalyzer;
        analyzer.GivesMelody.Should().BeTrue();
        string done = q.Song("done before the block.wav", 1);
        string current = q.Song("current.wav", 2);
        string added = q.Song("added by catalog add.wav", 3);
        string broken = q.Garbage("no longer decodes.mp3");
        var options = new AnalysisWorkerOptions { Concurrency = 2, ExitWhenIdle = true, RetryDelay = TimeSpan.Zero, PollInterval = TimeSpan.FromMilliseconds(50) };
        (await q.Queue.EnqueueForModelAsync([done, current], analyzer.CurrentAnalysis)).Queued.Should().Be(2);
        (await new AnalysisWorker(q.Queue, analyzer, options).RunAsync()).Added.Should().Be(2);

        // Rows of the same model and version stored before the block (melody NULL, as a schema 3 row reads after the
        // migration): of a file whose job is done, of one stored without a job, of one that can no longer be decoded.
        string doneId = await TrackId.ComputeAsync(done);
        TrackRecord doneTrack = (await q.Catalog.GetAsync(doneId))!;
        doneTrack.Blocks.Melody.Should().NotBeNull();
        (await q.Catalog.RemoveAsync(doneId)).Should().BeTrue();
        (await q.Catalog.AddAsync(WithoutMelody(doneTrack))).Should().BeTrue();
        string addedId = await TrackId.ComputeAsync(added);
        (await q.Catalog.AddAsync(WithoutMelody((await analyzer.AnalyzeAsync(added, added, addedId)).Track))).Should().BeTrue();
        string brokenId = await TrackId.ComputeAsync(broken);
        (await q.Catalog.AddAsync(WithoutMelody(doneTrack) with { Id = brokenId })).Should().BeTrue();
        (await q.Catalog.GetAsync(doneId))!.Blocks.Melody.Should().BeNull();

        (await q.Queue.EnqueueForModelAsync([done, current], analyzer.CurrentAnalysis with { GivesMelody = false })).Should().Be(new EnqueueResult(0, 0, 2),
            "for a model without the block, the same rows are current");
        EnqueueResult enqueued = await q.Queue.EnqueueForModelAsync([done, current, added, broken], analyzer.CurrentAnalysis, maxAttempts: 1);
        (enqueued.Queued, enqueued.Requeued, enqueued.Reanalysis, enqueued.AlreadyKnown).Should().Be((2, 0, 1, 1),
            "the done file whose row lacks the block is queued again, the current one is left alone, the other two are new jobs");
        AnalysisWorkerSummary summary = await new AnalysisWorker(q.Queue, analyzer, options).RunAsync();

        (summary.Added, summary.Reanalysed, summary.AlreadyPresent, summary.SetAside).Should().Be((0, 2, 0, 1));
        (await q.Catalog.CountAsync()).Should().Be(4);
        (await q.Catalog.GetAsync(doneId))!.Blocks.Melody.Should().Equal(doneTrack.Blocks.Melody, "the same model on the same audio");
        (await q.Catalog.GetAsync(addedId))!.Blocks.Melody.Should().NotBeNull();
        TrackRecord kept = (await q.Catalog.GetAsync(brokenId))!;
        kept.Blocks.Melody.Should().BeNull("nothing is removed before a new analysis is complete");
        kept.ModelVersion.Should().Be(analyzer.ModelVersion);
        AnalysisQueueStatus status = await q.Queue.GetStatusAsync();
        (status.Pending, status.Running, status.Added, status.AlreadyPresent, status.Failed).Should().Be((0, 0, 3, 0, 1));
        (await q.Queue.EnqueueForModelAsync([done, current, added], analyzer.CurrentAnalysis)).Should().Be(new EnqueueResult(0, 0, 3),
            "every row has the block now");
    }

    /// <summary>The track as stored before the melody block existed.</summary>
    private static TrackRecord WithoutMelody(TrackRecord track) =>
        track with { Blocks = new TrackVectorBlocks(track.Blocks.Descriptors, track.Blocks.EmotionStatistics, track.Blocks.EmotionArc) };

    [SkippableFact]
    public async Task Stopping_a_worker_gives_its_jobs_back_untouched()
    {
        await using QueueFixture q = await QueueFixture.CreateAsync(server);
        // Ten-minute songs: long enough that the two claimed jobs are still being analysed when the worker is stopped,
        // even on a busy machine (two-minute ones at the model's own rate could finish first).
        string[] songs = Enumerable.Range(0, 4).Select(i => q.Song($"long {i}.wav", 40 + i, seconds: 600)).ToArray();
        await q.Queue.EnqueueAsync(songs);
        using var stop = new CancellationTokenSource();
        var worker = new AnalysisWorker(q.Queue, QueueFixture.Analyzer, new AnalysisWorkerOptions { Concurrency = 2, PollInterval = TimeSpan.FromMilliseconds(50) });

        Task<AnalysisWorkerSummary> running = worker.RunAsync(null, stop.Token);
        while ((await q.Queue.GetStatusAsync()).Running < 2)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        AnalysisWorkerSummary summary = await running;

        AnalysisQueueStatus status = await q.Queue.GetStatusAsync();
        (status.Running + status.ExpiredLeases).Should().Be(0, "jobs in progress were given back");
        (status.Pending + status.Added).Should().Be(4);
        summary.Released.Should().BeGreaterThan(0);
        (await q.Catalog.CountAsync()).Should().Be(summary.Added);
        var next = (await q.Queue.ClaimAsync("next", 4, TimeSpan.FromMinutes(1)));
        next.Should().OnlyContain(j => j.Attempt == 1, "a released attempt does not count");
    }

    [SkippableFact]
    public async Task A_worker_cut_off_from_the_database_stops_with_a_catalog_error()
    {
        server.Require();
        string database = server.CreateDatabase();
        string name = new Npgsql.NpgsqlConnectionStringBuilder(database).Database!;
        using var files = new TempDirectory();
        await using (PostgresTrackCatalog catalog = await PostgresTrackCatalog.OpenAsync(database))
        {
            var queue = new AnalysisJobQueue(catalog);
            await queue.EnqueueAsync(Enumerable.Range(0, 20).Select(i => files.Write($"{i}.wav", PcmWav.Encode16(new float[22050 * 30], 22050, 1))));
            Task<AnalysisWorkerSummary> running = new AnalysisWorker(queue, QueueFixture.Analyzer, new AnalysisWorkerOptions { Concurrency = 1 }).RunAsync();
            while ((await queue.GetStatusAsync()).Running == 0)
            {
                await Task.Delay(20);
            }

            await using (var admin = new Npgsql.NpgsqlConnection(server.ConnectionString()))
            {
                await admin.OpenAsync();
                await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE);", admin);
                await drop.ExecuteNonQueryAsync();
            }

            (await running.Awaiting(r => r).Should().ThrowAsync<Catalog.CatalogException>()).Which.Catalog.Should().Be(catalog.Name);
        }
    }

    private sealed class Progress(Action<AnalysisJobResult> report) : IProgress<AnalysisJobResult>
    {
        public void Report(AnalysisJobResult value) => report(value);
    }
}
