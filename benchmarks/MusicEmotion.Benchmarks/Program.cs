using BenchmarkDotNet.Running;

// Run all:   dotnet run -c Release --project benchmarks/MusicEmotion.Benchmarks -- --filter '*'
// Run some:  ... -- --filter '*Fft*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
