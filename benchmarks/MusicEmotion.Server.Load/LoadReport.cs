using System.Globalization;
using System.Text;

namespace MusicEmotion.Server.Load;

/// <summary>The figures of a run and the problems its checks found.</summary>
internal sealed record LoadReport(IReadOnlyList<UploadResult> Results, TimeSpan Wall, IReadOnlyList<string> Problems)
{
    /// <summary>CPU time the service spent during the run, when its process id was given.</summary>
    public ProcessCpu? ServiceCpu { get; init; }

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Whether every check passed.</summary>
    public bool Passed => Problems.Count == 0;

    /// <summary>Uploads the service stored or found (201 or 200).</summary>
    public int Accepted => Results.Count(r => r.Accepted);

    /// <summary>Uploads answered 201.</summary>
    public int Created => Results.Count(r => r.Status == 201);

    /// <summary>503 (and 429) answers, counting every attempt.</summary>
    public int ServiceUnavailableAnswers => Results.Sum(r => r.Busy);

    /// <summary>Accepted uploads per second of wall time.</summary>
    public double Throughput => Accepted / Wall.TotalSeconds;

    /// <summary>A percentile (0–1) of the final request's duration over accepted uploads, in milliseconds.</summary>
    public double RequestPercentile(double p) => Percentile(Results.Where(r => r.Accepted).Select(r => r.LastRequest.TotalMilliseconds), p);

    /// <summary>A percentile of first send to final answer (retries and waits included) over accepted uploads, in milliseconds.</summary>
    public double EndToEndPercentile(double p) => Percentile(Results.Where(r => r.Accepted).Select(r => r.EndToEnd.TotalMilliseconds), p);

    /// <summary>A percentile of the answer time of refused (4xx) uploads, in milliseconds.</summary>
    public double RefusalPercentile(double p) =>
        Percentile(Results.Where(r => r.Status is >= 400 and < 500).Select(r => r.LastRequest.TotalMilliseconds), p);

    /// <summary>The report as text.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(C, $"uploads: {Results.Count} sent at once in {Wall.TotalSeconds:0.0} s");
        foreach (var group in Results.GroupBy(r => r.Case.Label).OrderBy(g => g.Key))
        {
            string answers = string.Join(", ", group.GroupBy(r => r.Code is null ? $"{r.Status}" : $"{r.Status} {r.Code}").OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}"));
            text.AppendLine(C, $"  {group.Key,-24} {group.Count(),4}: {answers}");
        }

        text.AppendLine(C, $"accepted: {Accepted} ({Created} new tracks), 503/429 answers on the way: {ServiceUnavailableAnswers}, most attempts for one upload: {Results.Max(r => r.Attempts)}");
        text.AppendLine(C, $"throughput: {Throughput:0.00} accepted uploads/s ({Created / Wall.TotalSeconds:0.00} analyses/s)");
        text.AppendLine(C, $"accepted upload, final request: p50 {RequestPercentile(0.5):0} ms, p95 {RequestPercentile(0.95):0} ms, max {RequestPercentile(1):0} ms");
        text.AppendLine(C, $"accepted upload, end to end (with 503 waits): p50 {EndToEndPercentile(0.5):0} ms, p95 {EndToEndPercentile(0.95):0} ms, max {EndToEndPercentile(1):0} ms");
        text.AppendLine(C, $"refused upload (4xx): p50 {RefusalPercentile(0.5):0} ms, p95 {RefusalPercentile(0.95):0} ms");
        if (ServiceCpu is { } cpu)
        {
            text.AppendLine(C, $"service CPU: {cpu.Total.TotalSeconds:0.0} s ({cpu.Own.TotalSeconds:0.0} s in the service, {cpu.Children.TotalSeconds:0.0} s in ffmpeg/ffprobe), "
                + $"{cpu.Total.TotalSeconds / Math.Max(1, Created):0.00} s per new track; used {cpu.Total.TotalSeconds / Wall.TotalSeconds:0.00} cores on average");
        }

        text.AppendLine(Passed ? "checks: all passed" : $"checks: {Problems.Count} problems");
        foreach (string problem in Problems)
        {
            text.AppendLine("  " + problem);
        }

        return text.ToString();
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        double[] sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        // Nearest rank: the smallest value with at least p of the values at or below it.
        int rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
