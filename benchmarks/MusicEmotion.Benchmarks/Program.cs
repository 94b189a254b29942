using BenchmarkDotNet.Running;

// Run all:   dotnet run -c Release --project benchmarks/MusicEmotion.Benchmarks -- --filter '*'
// Run some:  ... -- --filter '*Fft*'
// Approximate search (a measured run, minutes): ... -- ann --catalog real.db [--count 1000000] [--dimension 131|67] [--real] [--save file]
if (args.Length > 0 && args[0] == "ann")
{
    await MusicEmotion.Benchmarks.Ann.AnnMeasurement.RunAsync(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
