using System.Text.Json;

namespace MusicEmotion.Cli.Tests.Commands;

/// <summary><c>mer catalog enqueue</c>, <c>mer worker</c>, <c>mer catalog status</c> and the catalog commands with <c>--postgres</c>, on a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedCatalogCommandTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task Enqueue_then_workers_fill_the_shared_catalog_and_status_shows_progress_and_failures()
    {
        string postgres = server.CreateDatabase();
        string songs = Directory.CreateDirectory(_dir.File("songs")).FullName;
        for (int i = 0; i < 4; i++)
        {
            TestWav.Song(Path.Combine(songs, $"song{i}.wav"), 22050, 4 + i, seed: (int)(200 + (90 * i)));
        }

        string extra = TestWav.Song(_dir.File("extra.wav"), 22050, 5, seed: 700);
        string corrupt = _dir.Write("corrupt.mp3", Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        string list = _dir.Write("more.m3u", System.Text.Encoding.UTF8.GetBytes($"# extra files\nextra.wav\n\n{corrupt}\n"));
        string[] model = AnalyzeFixtures.ModelArgs(_dir);

        var (code, output, error) = await CliRunner.RunAsync(["catalog", "enqueue", songs, list, "--postgres", postgres, "--max-attempts", "2"]);
        var (again, output2, _) = await CliRunner.RunAsync(["catalog", "enqueue", songs, "--postgres", postgres]);
        var (work, workOutput, workError) = await CliRunner.RunAsync(["worker", "--postgres", postgres, "--concurrency", "2", "--exit-when-idle", "--retry-delay-seconds", "0.1", "--poll-seconds", "0.1", .. model]);
        var (status, statusOutput, _) = await CliRunner.RunAsync(["catalog", "status", "--postgres", postgres]);
        var (json, jsonOutput, _) = await CliRunner.RunAsync(["catalog", "status", "--postgres", postgres, "--format", "json"]);
        var (listed, listOutput, _) = await CliRunner.RunAsync(["catalog", "list", "--postgres", postgres]);
        var (recommended, recommendOutput, recommendError) = await CliRunner.RunAsync(["recommend", "--postgres", postgres, "--like", extra, "--k", "2", .. model]);

        code.Should().Be(0, error);
        output.Should().StartWith("queued 6 new, 0 again after failing, 0 already queued or done; jobs 6: done 0");
        again.Should().Be(0);
        output2.Should().StartWith("queued 0 new, 0 again after failing, 4 already queued or done");
        work.Should().Be(0, workError);
        workOutput.Should().MatchRegex(@"^added 5, already in the catalog 0, failed attempts 2 \(set aside 1\), lost to other workers 0, given back 0 in [0-9.]+ s");
        workError.Should().Contain($"mer: attempt 1 failed, will retry: {corrupt}").And.Contain($"mer: failed, set aside after 2 attempt(s): {corrupt}");
        status.Should().Be(0);
        statusOutput.Should().Contain("5 tracks").And.Contain("jobs 6: done 5 (added 5, already in the catalog 0), pending 0 (retrying 0), running 0 on 0 worker(s), expired leases 0, failed 1")
            .And.Contain("set aside (newest first):").And.Contain($"  {corrupt}  [2 of 2 attempts, ");
        json.Should().Be(0);
        using (JsonDocument document = JsonDocument.Parse(jsonOutput))
        {
            document.RootElement.GetProperty("total").GetInt64().Should().Be(6);
            document.RootElement.GetProperty("status").GetProperty("failures")[0].GetProperty("path").GetString().Should().Be(corrupt);
        }

        listed.Should().Be(0);
        listOutput.Should().Contain("song3.wav").And.Contain("tracks 1–5 of 5");
        recommended.Should().Be(0, recommendError);
        recommendOutput.Should().Contain("song");
    }

    [SkippableFact]
    public async Task Enqueue_queues_files_whose_tracks_another_model_made_for_re_analysis_and_the_worker_replaces_them()
    {
        string postgres = server.CreateDatabase();
        string songs = Directory.CreateDirectory(_dir.File("songs")).FullName;
        string[] files = Enumerable.Range(0, 3).Select(i => TestWav.Song(Path.Combine(songs, $"song{i}.wav"), 22050, 4, seed: 300 + i)).ToArray();
        string[] model = AnalyzeFixtures.ModelArgs(_dir);
        (await CliRunner.RunAsync(["catalog", "enqueue", songs, "--postgres", postgres, .. model])).ExitCode.Should().Be(0);
        var (first, firstOutput, firstError) = await CliRunner.RunAsync(["worker", "--postgres", postgres, "--concurrency", "2", "--exit-when-idle", "--poll-seconds", "0.1", .. model]);
        first.Should().Be(0, firstError);
        firstOutput.Should().StartWith("added 3, already in the catalog 0");

        // One row as an earlier model left it.
        string id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(files[1])));
        string modelName, modelVersion;
        await using (var catalog = await MusicEmotion.Recommend.PostgreSql.PostgresTrackCatalog.OpenAsync(postgres))
        {
            var track = (await catalog.GetAsync(id))!;
            (modelName, modelVersion) = (track.ModelName, track.ModelVersion);
            (await catalog.RemoveAsync(id)).Should().BeTrue();
            (await catalog.AddAsync(track with { ModelVersion = "0.9.0" })).Should().BeTrue();
        }

        var (code, output, error) = await CliRunner.RunAsync(["catalog", "enqueue", songs, "--postgres", postgres, .. model]);
        var (work, workOutput, workError) = await CliRunner.RunAsync(["worker", "--postgres", postgres, "--exit-when-idle", "--poll-seconds", "0.1", .. model]);
        var (again, againOutput, _) = await CliRunner.RunAsync(["catalog", "enqueue", songs, "--postgres", postgres, .. model]);

        code.Should().Be(0, error);
        output.Should().StartWith($"queued 0 new, 0 again after failing, 1 for re-analysis (their tracks were made by another model than {modelName} {modelVersion}), 2 already queued or done; jobs 3: done 2");
        work.Should().Be(0, workError);
        workOutput.Should().StartWith("added 0, re-analysed 1 (their tracks were made by another model), already in the catalog 0, failed attempts 0");
        again.Should().Be(0);
        againOutput.Should().StartWith("queued 0 new, 0 again after failing, 3 already queued or done");
        await using (var catalog = await MusicEmotion.Recommend.PostgreSql.PostgresTrackCatalog.OpenAsync(postgres))
        {
            (await catalog.GetAsync(id))!.ModelVersion.Should().Be(modelVersion);
            (await catalog.CountAsync()).Should().Be(3);
        }
    }

    [SkippableFact]
    public async Task With_the_note_aware_model_a_row_stored_before_the_melody_block_is_queued_again_and_re_analysed()
    {
        Skip.IfNot(AnalyzeFixtures.ShippedModelPresent, "the shipped note-aware model is not in this build");
        string postgres = server.CreateDatabase();
        string song = TestWav.Song(_dir.File("song.wav"), 22050, 4, seed: 510);
        string[] model = ["--model", "notes"];
        (await CliRunner.RunAsync(["catalog", "enqueue", song, "--postgres", postgres, .. model])).ExitCode.Should().Be(0);
        (await CliRunner.RunAsync(["worker", "--postgres", postgres, "--exit-when-idle", "--poll-seconds", "0.1", .. model])).Output.Should().StartWith("added 1,");

        string id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(song)));
        Recommend.Tracks.TrackRecord track;
        await using (var catalog = await MusicEmotion.Recommend.PostgreSql.PostgresTrackCatalog.OpenAsync(postgres))
        {
            track = (await catalog.GetAsync(id))!;
            track.Blocks.Melody.Should().NotBeNull();
            (await catalog.RemoveAsync(id)).Should().BeTrue();
            Recommend.Vectors.TrackVectorBlocks blocks = track.Blocks;
            (await catalog.AddAsync(track with { Blocks = new(blocks.Descriptors, blocks.EmotionStatistics, blocks.EmotionArc) })).Should().BeTrue();
        }

        var (code, output, error) = await CliRunner.RunAsync(["catalog", "enqueue", song, "--postgres", postgres, .. model]);
        var (work, workOutput, workError) = await CliRunner.RunAsync(["worker", "--postgres", postgres, "--exit-when-idle", "--poll-seconds", "0.1", .. model]);

        code.Should().Be(0, error);
        output.Should().StartWith($"queued 0 new, 0 again after failing, 1 for re-analysis (their tracks were made by another model than {track.ModelName} {track.ModelVersion} or without its melody block), 0 already queued or done");
        work.Should().Be(0, workError);
        workOutput.Should().StartWith("added 0, re-analysed 1 (their tracks were made by another model or without its melody block), already in the catalog 0");
        await using (var catalog = await MusicEmotion.Recommend.PostgreSql.PostgresTrackCatalog.OpenAsync(postgres))
        {
            (await catalog.GetAsync(id))!.Blocks.Melody.Should().Equal(track.Blocks.Melody);
        }
    }

    [SkippableFact]
    public async Task Bad_inputs_are_refused_and_nothing_is_queued()
    {
        string postgres = server.CreateDatabase();
        string song = TestWav.Song(_dir.File("a.wav"), 22050, 3);

        var (missing, _, missingError) = await CliRunner.RunAsync(["catalog", "enqueue", song, _dir.File("nope.wav"), "--postgres", postgres]);
        var (both, _, bothError) = await CliRunner.RunAsync(["catalog", "list", "--db", _dir.File("x.db"), "--postgres", postgres]);
        var (neither, _, neitherError) = await CliRunner.RunAsync(["catalog", "list"]);
        var (badConnection, _, badConnectionError) = await CliRunner.RunAsync(["catalog", "status", "--postgres", "Host=127.0.0.1;Port=1;Username=mer;Timeout=2"]);
        var (badSchema, _, badSchemaError) = await CliRunner.RunAsync(["catalog", "status", "--postgres", postgres, "--schema", "Bad-Name"]);
        var (badLease, _, badLeaseError) = await CliRunner.RunAsync(["worker", "--postgres", postgres, "--lease-seconds", "-1"]);
        var (_, statusOutput, _) = await CliRunner.RunAsync(["catalog", "status", "--postgres", postgres]);

        missing.Should().Be(2);
        missingError.Should().Contain("do not exist, nothing was queued").And.Contain("nope.wav");
        both.Should().Be(2);
        bothError.Should().Contain("either --db or --postgres");
        neither.Should().Be(2);
        neitherError.Should().Contain("--db <file> or --postgres");
        badConnection.Should().Be(ExitCodes.EnvironmentError, "an unreachable server is the environment's problem, not the input's");
        badConnectionError.Should().Contain("cannot reach the PostgreSQL server");
        badSchema.Should().Be(2);
        badSchemaError.Should().Contain("not a plain PostgreSQL name");
        badLease.Should().Be(2);
        badLeaseError.Should().Contain("--lease-seconds");
        statusOutput.Should().Contain("jobs 0:");
    }
}
