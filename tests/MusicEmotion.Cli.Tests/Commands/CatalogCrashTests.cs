using System.Diagnostics;
using Microsoft.Data.Sqlite;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Cli.Tests.Commands;

/// <summary>A real <c>mer catalog add</c> process killed (SIGKILL) mid-batch on real clips, then resumed.</summary>
public sealed class CatalogCrashTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task A_killed_import_leaves_only_whole_tracks_and_the_next_run_finishes_the_rest()
    {
        string clips = SharedData.Require("emotify", "audio", "rock");
        int total = Directory.GetFiles(clips, "*.mp3").Length;
        string db = _dir.File("catalog.db");
        string[] model = AnalyzeFixtures.ModelArgs(_dir);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { typeof(MerApp).Assembly.Location, "catalog", "add", clips, "--db", db, "--jobs", "2" }.Concat(model))
        {
            start.ArgumentList.Add(arg);
        }

        using (Process mer = Process.Start(start)!)
        {
            _ = mer.StandardOutput.ReadToEndAsync();
            _ = mer.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (CountRows(db) < 3)
            {
                mer.HasExited.Should().BeFalse("the import must still be running when it is killed");
                clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(2));
                await Task.Delay(20);
            }

            mer.Kill(entireProcessTree: true);
            await mer.WaitForExitAsync();
        }

        int survived;
        using (SqliteTrackCatalog catalog = SqliteTrackCatalog.Open(db))
        {
            survived = await catalog.CountAsync();
            var whole = new List<TrackRecord>();
            await foreach (TrackRecord track in catalog.ReadAllAsync())
            {
                whole.Add(track);
            }

            whole.Should().HaveCount(survived).And.OnlyContain(t => t.Timeline.Count >= 59 && t.Blocks.EmotionArc.Count == 64);
            (await catalog.GetRevisionAsync()).Should().Be(survived, "every committed add bumped the revision exactly once");
        }

        survived.Should().BeInRange(3, total - 1, "the process was killed mid-batch");
        SqliteProbe.Pragma(db, "integrity_check").Should().Be("ok");

        var (code, output, error) = await CliRunner.RunAsync(["catalog", "add", clips, "--db", db, .. model]);
        code.Should().Be(0, error);
        output.Should().Contain($"added {total - survived}, already in the catalog {survived}, failed 0").And.Contain($"holds {total} tracks");
    }

    private static long CountRows(string db)
    {
        try
        {
            return File.Exists(db) ? (long)SqliteProbe.Scalar(db, "SELECT count(*) FROM tracks", readOnly: true)! : 0;
        }
        catch (SqliteException)
        {
            return 0; // the schema is not there yet
        }
    }
}
