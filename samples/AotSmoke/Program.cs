// Native AOT smoke test of MusicEmotion.Audio and MusicEmotion.Features. It writes a 3-second 440 Hz stereo WAV
// (different level per channel), decodes it with AudioLoader (managed WAV path), mixes it down and resamples it to
// 22.05 kHz, computes log-mel, MFCC and descriptors, round-trips FeatureSettings through JSON and opens a truncated
// file. Every figure is checked against what the signal implies (sample values, RMS, zero crossings, the mel band
// and pitch class of 440 Hz); the exit code is the number of failed checks (0 = all passed), 2 on a crash.
// scripts/check-aot.sh publishes it with `dotnet publish -c Release -r linux-x64`, checks that the result is a native
// binary (no IL, no runtime beside it) and runs it; `dotnet run --project samples/AotSmoke` runs the same checks under the JIT.
using AotSmoke;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Features;
using MusicEmotion.Features.Extraction;

const double Tone = 440.0;
const int TargetRate = 22050;
var checks = new SmokeChecks();
string work = Directory.CreateTempSubdirectory("aot-smoke-").FullName;
try
{
    // Native AOT compiles for a baseline instruction set unless told otherwise (IlcInstructionSet), so Vector<float>
    // may be narrower than under the JIT and SIMD sums may round differently in the last bits: the checks allow for it.
    Console.WriteLine($"info SIMD: Vector<float> holds {System.Numerics.Vector<float>.Count} floats, hardware accelerated: {System.Numerics.Vector.IsHardwareAccelerated}");

    // 1. Write and decode the WAV.
    var wav = new ToneWav(Tone, seconds: 3.0, leftAmplitude: 0.6, rightAmplitude: 0.2);
    string path = Path.Combine(work, "tone.wav");
    File.WriteAllBytes(path, wav.ToBytes());
    float[] interleaved;
    using (ISampleSource decoded = AudioLoader.Default.Open(path))
    {
        checks.Check(decoded.Format == new AudioFormat(ToneWav.SampleRate, ToneWav.Channels) && decoded.LengthInFrames == wav.Frames,
            $"decoded format {decoded.Format}, {decoded.LengthInFrames} frames (wrote {wav.Frames})");
        interleaved = decoded.ReadAll();
    }

    int exact = 0;
    for (int i = 0; i < interleaved.Length && i < wav.Pcm.Length; i++)
    {
        exact += interleaved[i] == wav.Pcm[i] / 32768f ? 1 : 0;
    }

    checks.Check(interleaved.Length == wav.Pcm.Length && exact == wav.Pcm.Length,
        $"decoded samples equal to the written PCM: {exact} of {wav.Pcm.Length}");

    // 2. Mono at 22.05 kHz, streamed through the pull stages.
    float[] mono;
    using (ISampleSource source = AudioLoader.Default.Open(path).ToMono().Resample(TargetRate))
    {
        checks.Check(source.Format == new AudioFormat(TargetRate, 1), $"mix-down and resampler output {source.Format}");
        mono = source.ReadAll();
    }

    long expectedLength = PolyphaseResampler.GetOutputLength(wav.Frames, ToneWav.SampleRate, TargetRate);
    checks.Check(mono.Length == expectedLength, $"mono samples = {mono.Length} (expected {expectedLength})");
    int edge = TargetRate / 10;   // the resampler's filter transients at both ends are left out of the level checks
    ReadOnlySpan<float> middle = mono.AsSpan(edge, mono.Length - (2 * edge));
    double meanAmplitude = (wav.LeftAmplitude + wav.RightAmplitude) / 2;
    checks.Near("mono RMS", Rms(middle), meanAmplitude / Math.Sqrt(2), 0.01);
    checks.Near("mono zero crossings per second", ZeroCrossings(middle) * (double)TargetRate / middle.Length, 2 * Tone, 0.01);

    // 3. Features with the default (librosa) settings.
    var settings = new FeatureSettings { SampleRate = TargetRate };
    FeatureMatrix logMel = new LogMelExtractor(settings).Extract(mono);
    long frames = settings.FrameCount(mono.Length);
    checks.Check(logMel.Frames == frames && logMel.Width == settings.MelBands, $"log-mel {logMel.Frames} x {logMel.Width} (expected {frames} x {settings.MelBands})");
    int mid = logMel.Frames / 2;
    int peakBand = ArgMax(logMel.Row(mid));
    int nearestBand = NearestSlaneyBand(Tone, settings);
    checks.Check(Math.Abs(peakBand - nearestBand) <= 1 && AllFinite(logMel.Data),
        $"log-mel peak band {peakBand} of the middle frame (band {nearestBand} is centred nearest {Tone} Hz), all values finite");

    var mfccExtractor = new MfccExtractor(settings);
    FeatureMatrix mfcc = mfccExtractor.Extract(mono);
    FeatureMatrix mfccFromLogMel = mfccExtractor.FromLogMel(logMel);
    double mfccGap = MaxAbsDifference(mfcc.Data, mfccFromLogMel.Data);
    checks.Check(mfcc.Frames == frames && mfcc.Width == settings.MfccCount && mfccGap <= 1e-3 && AllFinite(mfcc.Data),
        $"MFCC {mfcc.Frames} x {mfcc.Width}; max |streamed - DCT of log-mel| = {mfccGap:G3}");

    var descriptorExtractor = new DescriptorExtractor(settings);
    FeatureMatrix descriptors = descriptorExtractor.Extract(mono);
    checks.Check(descriptors.Frames == frames && descriptors.Width == DescriptorExtractor.ColumnNames.Count,
        $"descriptors {descriptors.Frames} x {descriptors.Width}");
    checks.Near("spectral centroid (middle frame, Hz)", Column(descriptors, "spectral_centroid")[mid], Tone, 0.03);
    checks.Near("rms (middle frame)", Column(descriptors, "rms")[mid], meanAmplitude / Math.Sqrt(2), 0.02);
    string loudestPitchClass = descriptors.ColumnNames.Where(n => n.StartsWith("chroma_", StringComparison.Ordinal))
        .MaxBy(n => Column(descriptors, n)[mid])!;
    checks.Check(loudestPitchClass == "chroma_a", $"loudest pitch class {loudestPitchClass} (a 440 Hz tone is an A)");

    // 4. FeatureSettings through JSON (source-generated: enums as camelCase names, absent properties defaulted).
    var custom = settings with { HopLength = 256, Window = WindowFunction.Hamming, MelScale = MelScaleKind.Htk, TopDb = null, FMax = 8000 };
    string json = custom.ToJson();
    checks.Check(FeatureSettings.FromJson(json) == custom && json.Contains("\"melScale\": \"htk\"", StringComparison.Ordinal),
        $"settings JSON round trip ({json.Length} chars, enums as names)");
    checks.Check(FeatureSettings.FromJson("{\"hopLength\": 256}") == new FeatureSettings { HopLength = 256 },
        "settings JSON with one property: every other property takes its default");
    checks.Check(Throws<ArgumentException>(() => FeatureSettings.FromJson("{\"window\": 1}"), out string? jsonError),
        $"settings JSON with an integer enum refused: {jsonError}");

    // 5. Bad input: a truncated file gives a typed error.
    string truncated = Path.Combine(work, "truncated.wav");
    File.WriteAllBytes(truncated, wav.ToBytes()[..30]);
    checks.Check(Throws<AudioFormatException>(() => AudioLoader.Default.Open(truncated).Dispose(), out string? audioError),
        $"truncated WAV refused: {audioError}");
}
catch (Exception ex)
{
    Console.WriteLine($"FAIL unexpected {ex}");
    Console.WriteLine("aot-smoke: FAILED (crashed)");
    return 2;
}
finally
{
    Directory.Delete(work, recursive: true);
}

Console.WriteLine(checks.Failures == 0 ? "aot-smoke: OK" : $"aot-smoke: FAILED ({checks.Failures} checks)");
return checks.Failures;

static double Rms(ReadOnlySpan<float> x)
{
    double sum = 0;
    foreach (float v in x)
    {
        sum += (double)v * v;
    }

    return Math.Sqrt(sum / x.Length);
}

static int ZeroCrossings(ReadOnlySpan<float> x)
{
    int count = 0;
    for (int i = 1; i < x.Length; i++)
    {
        count += (x[i - 1] < 0) != (x[i] < 0) ? 1 : 0;
    }

    return count;
}

static int ArgMax(ReadOnlySpan<float> x)
{
    int best = 0;
    for (int i = 1; i < x.Length; i++)
    {
        best = x[i] > x[best] ? i : best;
    }

    return best;
}

// Slaney mel scale (linear below 1 kHz, logarithmic above), band k centred on mel point k + 1 of MelBands + 2
// points evenly spaced from FMin to FMax: an independent restatement of librosa.filters.mel.
static int NearestSlaneyBand(double hz, FeatureSettings s)
{
    static double Mel(double f) => f < 1000 ? 3 * f / 200 : 15 + (Math.Log(f / 1000) * 27 / Math.Log(6.4));
    double low = Mel(s.FMin), high = Mel(s.EffectiveFMax), target = Mel(hz);
    double step = (high - low) / (s.MelBands + 1);
    return (int)Math.Round((target - low) / step) - 1;
}

static bool AllFinite(float[] x) => Array.TrueForAll(x, float.IsFinite);

static double MaxAbsDifference(float[] a, float[] b)
{
    if (a.Length != b.Length)
    {
        return double.PositiveInfinity;
    }

    double max = 0;
    for (int i = 0; i < a.Length; i++)
    {
        max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
    }

    return max;
}

static float[] Column(FeatureMatrix m, string name)
{
    int index = m.ColumnNames.ToList().IndexOf(name);
    return index >= 0 ? m.Column(index) : throw new InvalidOperationException($"no column {name} in {string.Join(", ", m.ColumnNames)}");
}

static bool Throws<TException>(Action action, out string? message)
    where TException : Exception
{
    try
    {
        action();
        message = "no exception";
        return false;
    }
    catch (TException ex)
    {
        message = $"{ex.GetType().Name}: {ex.Message}";
        return true;
    }
}
