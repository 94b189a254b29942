using MusicEmotion.Server.Load;
using MusicEmotion.Server.Tests.Support;
using Xunit.Abstractions;

namespace MusicEmotion.Server.Tests.Load;

/// <summary>
/// The load run (benchmarks/MusicEmotion.Server.Load) at CI size: 36 uploads at once (real clips, duplicates, bad
/// files) to the service on Kestrel at 127.0.0.1 with a small admission limit, so that 503s happen by design and are
/// retried; then every check of the run (no other 5xx, all clips stored complete, no orphan file). The full
/// 200-upload run is a documented command (docs/benchmarks.md).
/// </summary>
public sealed class ConcurrentUploadTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Thirty_six_concurrent_uploads_store_every_good_clip_whole_and_refuse_the_rest()
    {
        string data = SharedData.Require("4q", "labels.csv");
        IReadOnlyList<UploadCase> plan = LoadPlan.Build(Path.GetDirectoryName(Path.GetDirectoryName(data))!, uploads: 36);
        using var factory = new ServerFactory(new Dictionary<string, string?>
        {
            ["MusicEmotion:MaxPendingUploads"] = "8",
            ["MusicEmotion:MaxConcurrentAnalyses"] = "2",
        });
        Uri address = factory.StartOnLoopback();
        address.Host.Should().Be("127.0.0.1");
        using HttpClient client = LoadRun.CreateClient(address);

        LoadReport report = await LoadRun.RunAsync(client, plan, factory.Data.Path, apiKey: null, OperatingSystem.IsLinux() ? Environment.ProcessId : null, CancellationToken.None);

        output.WriteLine(report.ToString());
        report.Problems.Should().BeEmpty();
        report.Results.Should().HaveCount(36);
        report.ServiceUnavailableAnswers.Should().BeGreaterThan(0, "36 uploads at once against 8 admissions must meet the limit");
        report.Created.Should().Be(plan.Where(c => c.Kind != UploadKind.Bad).Select(c => c.Id).Distinct().Count());
    }
}
