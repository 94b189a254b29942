using System.Diagnostics;
using System.Globalization;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Benchmarks.CatalogCost;

/// <summary>
/// A measured run (not BenchmarkDotNet) of what analysing for the catalog costs beside <c>mer analyze</c>, robust on a
/// busy machine: the four variants run interleaved, round after round, on the same file, and the medians are compared,
/// so slow phases of the machine hit every variant alike. Rounds 0–3 are warm-up.
/// </summary>
internal static class CatalogCostMeasurement
{
    public static async Task RunAsync(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 24;
        string dir = Path.Combine(Path.GetTempPath(), "mer-catalog-cost");
        Directory.CreateDirectory(dir);
        string wav = Path.Combine(dir, "3min-44k-stereo.wav"), mp3 = Path.Combine(dir, "3min-44k-stereo.mp3");
        BenchmarkAudio.WriteWav(wav, BenchmarkAudio.MusicLike(44100, 180), 44100, 2);
        BenchmarkAudio.Encode(wav, mp3, "-c:a", "libmp3lame", "-b:a", "192k");
        using EmotionAnalyzer analyzer = EmotionAnalyzer.CreateDefault();
        var tracks = new TrackAnalyzer(analyzer);
        Console.WriteLine("| File | mer analyze | catalog analysis, id already known | catalog analysis, SHA-256 alongside | import (SHA-256 first, then analysis) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (string file in new[] { wav, mp3 })
        {
            var times = new List<double>[4];
            for (int i = 0; i < times.Length; i++)
            {
                times[i] = [];
            }

            for (int round = 0; round < rounds + 4; round++)
            {
                double[] t = new double[4];
                var clock = Stopwatch.StartNew();
                await analyzer.AnalyzeAsync(file);
                t[0] = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                await tracks.AnalyzeAsync(file, knownId: new string('0', TrackId.Length));
                t[1] = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                await tracks.AnalyzeAsync(file);
                t[2] = clock.Elapsed.TotalMilliseconds;
                using (var catalog = new InMemoryTrackCatalog())
                {
                    clock.Restart();
                    await new TrackImporter(tracks, catalog).ImportAsync(file);
                    t[3] = clock.Elapsed.TotalMilliseconds;
                }

                if (round >= 4)
                {
                    for (int i = 0; i < t.Length; i++)
                    {
                        times[i].Add(t[i]);
                    }
                }
            }

            double baseline = Median(times[0]);
            string Cell(int i) => i == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{baseline:0.0} ms")
                : string.Create(CultureInfo.InvariantCulture, $"{Median(times[i]):0.0} ms ({(Median(times[i]) / baseline) - 1:+0.0%;-0.0%})");
            Console.WriteLine($"| {Path.GetFileName(file)} | {Cell(0)} | {Cell(1)} | {Cell(2)} | {Cell(3)} |");
        }

        Directory.Delete(dir, recursive: true);
    }

    private static double Median(List<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
