using System.Diagnostics;
using MusicEmotion.Recommend.PostgreSql;
using MusicEmotion.Recommend.PostgreSql.Jobs;
using MusicEmotion.Recommend.Tracks;
using Npgsql;

namespace MusicEmotion.Cli.Tests.Commands;

/// <summary>A real <c>mer worker</c> process killed (SIGKILL) mid-batch; another worker finishes the queue.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkerCrashTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task A_killed_worker_leaves_nothing_half_written_and_every_song_ends_analysed_exactly_once()
    {
        string postgres = server.CreateDatabase();
        string songs = Directory.CreateDirectory(_dir.File("songs")).FullName;
        const int total = 24;
        for (int i = 0; i < total; i++)
        {
            TestWav.Song(Path.Combine(songs, $"song{i:00}.wav"), 22050, 20, seed: (int)(150 + (37 * i)));
        }

        string duplicate = Path.Combine(songs, "song00 copy.wav");
        File.Copy(Path.Combine(songs, "song00.wav"), duplicate);
        var (enqueued, _, enqueueError) = await CliRunner.RunAsync(["catalog", "enqueue", songs, "--postgres", postgres]);
        enqueued.Should().Be(0, enqueueError);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { typeof(MerApp).Assembly.Location, "worker", "--postgres", postgres, "--concurrency", "2", "--lease-seconds", "3" })
        {
            start.ArgumentList.Add(arg);
        }

        using (Process worker = Process.Start(start)!)
        {
            _ = worker.StandardOutput.ReadToEndAsync();
            _ = worker.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (await CountAsync(postgres, "tracks") < 3)
            {
                worker.HasExited.Should().BeFalse("the worker must still be running when it is killed");
                clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(2));
                await Task.Delay(20);
            }

            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        // Right after the kill: only whole tracks, each with its finished job, and nothing else.
        await using (PostgresTrackCatalog catalog = await PostgresTrackCatalog.OpenAsync(postgres))
        {
            int survived = await catalog.CountAsync();
            survived.Should().BeInRange(3, total - 1, "the worker was killed mid-batch");
            (await catalog.GetRevisionAsync()).Should().Be(survived, "every committed track bumped the revision exactly once");
            await foreach (TrackRecord track in catalog.ReadAllAsync())
            {
                track.Timeline.Count.Should().Be(20);
                track.Blocks.EmotionArc.Count.Should().Be(2 * TrackVectorOptions.DefaultArcLength);
            }

            (await ScalarAsync(postgres, "SELECT count(*) FROM musicemotion.analysis_jobs WHERE state = 'done' AND outcome = 'added'")).Should().Be(survived);
            (await ScalarAsync(postgres, "SELECT count(*) FROM musicemotion.analysis_jobs j WHERE state = 'done' AND NOT EXISTS (SELECT 1 FROM musicemotion.tracks t WHERE t.id = j.track_id)")).Should().Be(0);
            (await ScalarAsync(postgres, "SELECT count(*) FROM musicemotion.analysis_jobs WHERE state = 'running'")).Should().BeInRange(0, 2, "at most the two jobs in progress were left under the dead worker's leases");
        }

        var (code, output, error) = await CliRunner.RunAsync(["worker", "--postgres", postgres, "--concurrency", "2", "--exit-when-idle", "--poll-seconds", "0.2"]);

        code.Should().Be(0, error);
        await using (PostgresTrackCatalog catalog = await PostgresTrackCatalog.OpenAsync(postgres))
        {
            (await catalog.CountAsync()).Should().Be(total, "every song is in the catalog once (the copy has the same content hash)");
            (await catalog.GetRevisionAsync()).Should().Be(total, "and was added exactly once");
            var ids = new HashSet<string>();
            await foreach (TrackRecord track in catalog.ReadAllAsync())
            {
                ids.Add(track.Id).Should().BeTrue();
            }

            string[] expected = await Task.WhenAll(Directory.GetFiles(songs).Select(f => TrackId.ComputeAsync(f)));
            ids.Should().BeEquivalentTo(expected.Distinct());
            AnalysisQueueStatus status = await new AnalysisJobQueue(catalog).GetStatusAsync();
            (status.Pending, status.Running, status.ExpiredLeases, status.Failed).Should().Be((0, 0, 0, 0));
            (status.Added, status.AlreadyPresent).Should().Be((total, 1));
        }
    }

    private static Task<long> CountAsync(string postgres, string table) =>
        ScalarAsync(postgres, $"SELECT count(*) FROM musicemotion.{table}"); // the schema exists: enqueue made it

    private static async Task<long> ScalarAsync(string postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
