using BenchmarkDotNet.Running;

// Run all:   dotnet run -c Release --project benchmarks/MusicEmotion.Benchmarks -- --filter '*'
// Run some:  ... -- --filter '*Fft*'
// Approximate search (a measured run, minutes): ... -- ann --catalog real.db [--count 1000000] [--dimension 131|67] [--real] [--save file]
// Catalog analysis beside mer analyze (a measured run, interleaved medians): ... -- catalog-cost [rounds]
if (args.Length > 0 && args[0] == "catalog-cost")
{
    await MusicEmotion.Benchmarks.CatalogCost.CatalogCostMeasurement.RunAsync(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "ann")
{
    await MusicEmotion.Benchmarks.Ann.AnnMeasurement.RunAsync(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
