// The C# side of the Basic Pitch parity check (docs/notes.md). Commands:
//
//   samples --data ../shared/data --out <folder>
//       Picks the clips (4Q val: the first three of Q1 and Q3 and the first two of Q2 and Q4 sorted by id = 10 clips of
//       recorded music; EMOPIA val: the first 4 MIDI files sorted by id, rendered with the exact FluidSynth command of
//       ../shared/data/README.md), decodes each with MusicEmotion.Audio (AudioLoader, mono, 22,050 Hz) and writes the
//       samples as raw float32 (<id>.f32) with <folder>/clips.json. Both sides read these very floats.
//   compare <folder> [--model <file.onnx>]
//       After `node basic_pitch_reference.js <folder>`: runs the embedded ONNX model (or another conversion) on the
//       reference's windows and prints the largest absolute difference of every output over the kept frames (the ones
//       the reference uses, 15 … 156 of each window, the only ones ours computes), then transcribes each clip
//       with NoteTranscriber (always the embedded model) and compares its notes with the reference's.
//   time [--seconds 180] [--runs 5]
//       A measured run of the BenchmarkDotNet transcription benchmark's case (the same piece from memory, the embedded
//       model on one thread): wall and process CPU time of each run after a warm-up. CPU time is what a loaded machine
//       does not inflate.
//   stream <audio file>
//       Streams a file through TranscribeStreamingAsync (default options) and prints the notes, the time and the peak
//       resident set of this process (memory on hour-long input, docs/benchmarks.md).
//   onset-f1 --data ../shared/data --out <folder> [--every N] [--min-note-frames N]
//       EMOPIA val, rendered into <folder> with the exact FluidSynth command (cached), transcribed with the defaults
//       (or another minimum note length), against its MIDI: onset-only note F1 as mir_eval defines it (exact pitch,
//       50 ms, maximum matching), per clip and pooled; every N-th clip by id (default every one).
//   bench-audio --out <file.f32> [--seconds 180]
//       Writes the benchmark's synthesised piece (tests/Shared/SynthesizedMusic.Piece, seed 1) at 22,050 Hz, the audio
//       the BenchmarkDotNet transcription benchmark uses, for the reference's `--time`.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Model;
using MusicEmotion.Tests.Shared;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
try
{
    return args switch
    {
        ["samples", "--data", string data, "--out", string folder] => Samples(data, folder),
        ["compare", string folder] => await Compare(folder, null),
        ["compare", string folder, "--model", string onnx] => await Compare(folder, onnx),
        ["time"] => await Time(180, 5),
        ["time", "--seconds", string s, "--runs", string r] => await Time(double.Parse(s, CultureInfo.InvariantCulture), int.Parse(r, CultureInfo.InvariantCulture)),
        ["stream", string audio] => await Stream(audio),
        ["onset-f1", "--data", string data, "--out", string folder, .. string[] rest] => await OnsetF1(data, folder, rest),
        ["bench-audio", "--out", string file] => BenchAudio(file, 180),
        ["bench-audio", "--out", string file, "--seconds", string s] => BenchAudio(file, double.Parse(s, CultureInfo.InvariantCulture)),
        _ => Usage(),
    };
}
catch (Exception ex) when (ex is IOException or AudioException or InvalidDataException or JsonException)
{
    Console.Error.WriteLine($"NotesParity: {ex.Message}");
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: NotesParity samples --data <shared data> --out <folder> | compare <folder> [--model <file.onnx>] | time [--seconds N --runs N] | stream <audio file> | onset-f1 --data <shared data> --out <folder> [--every N] [--min-note-frames N] | bench-audio --out <file.f32> [--seconds N]");
    return 2;
}

static int Samples(string data, string folder)
{
    Directory.CreateDirectory(folder);
    var clips = new List<Clip>();
    string[][] fourQ = File.ReadAllLines(Path.Combine(data, "4q", "labels.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
    foreach ((string quadrant, int count) in new[] { ("Q1", 3), ("Q2", 2), ("Q3", 3), ("Q4", 2) })
    {
        foreach (string[] row in fourQ.Where(r => r[1] == quadrant && r[2] == "val").OrderBy(r => r[0], StringComparer.Ordinal).Take(count))
        {
            clips.Add(Decode(Path.Combine(data, "4q", row[3]), "4q-" + row[0], folder));
        }
    }

    string[][] emopia = File.ReadAllLines(Path.Combine(data, "emopia", "labels.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
    foreach (string[] row in emopia.Where(r => r[2] == "val").OrderBy(r => r[0], StringComparer.Ordinal).Take(4))
    {
        string wav = Path.Combine(folder, row[0] + ".wav");
        Render(Path.Combine(data, "emopia", row[3]), wav);
        clips.Add(Decode(wav, "emopia-" + row[0], folder));
    }

    File.WriteAllText(Path.Combine(folder, "clips.json"), JsonSerializer.Serialize(clips.Select(c => new { id = c.Id, samples = c.Id + ".f32", source = c.Source })));
    Console.WriteLine($"{clips.Count} clips, {clips.Sum(c => c.Samples) / 22050.0:0.0} s of audio, in {folder}");
    return 0;
}

static Clip Decode(string path, string id, string folder)
{
    using ISampleSource source = AudioLoader.Default.Open(path).ToMonoAt(NoteTranscriber.SampleRate);
    float[] samples = source.ReadAll();
    File.WriteAllBytes(Path.Combine(folder, id + ".f32"), MemoryMarshal.AsBytes(samples.AsSpan()).ToArray());
    return new Clip(id, path, samples.Length);
}

static void Render(string midi, string wav)
{
    // Exactly ../shared/data/README.md's command.
    var info = new ProcessStartInfo("fluidsynth") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
    foreach (string a in new[] { "-ni", "-q", "-F", wav, "-r", "22050", "-g", "0.6", "/usr/share/sounds/sf2/FluidR3_GM.sf2", midi })
    {
        info.ArgumentList.Add(a);
    }

    using Process p = Process.Start(info) ?? throw new IOException("fluidsynth did not start");
    p.StandardOutput.ReadToEnd();
    string err = p.StandardError.ReadToEnd();
    p.WaitForExit();
    if (p.ExitCode != 0 || !File.Exists(wav))
    {
        throw new IOException($"fluidsynth failed on {midi}: {err}");
    }
}

static int BenchAudio(string file, double seconds)
{
    float[] samples = SynthesizedMusic.Render(SynthesizedMusic.Piece(seconds), NoteTranscriber.SampleRate, seconds);
    File.WriteAllBytes(file, MemoryMarshal.AsBytes(samples.AsSpan()).ToArray());
    Console.WriteLine($"{file}: {samples.Length} samples ({seconds} s)");
    return 0;
}

static async Task<int> OnsetF1(string data, string folder, string[] rest)
{
    int every = 1, minNote = new NoteTranscriptionOptions().MinimumNoteFrames;
    for (int i = 0; i + 1 < rest.Length; i += 2)
    {
        if (rest[i] == "--every")
        {
            every = int.Parse(rest[i + 1], CultureInfo.InvariantCulture);
        }
        else if (rest[i] == "--min-note-frames")
        {
            minNote = int.Parse(rest[i + 1], CultureInfo.InvariantCulture);
        }
    }

    Directory.CreateDirectory(folder);
    string[][] rows = File.ReadAllLines(Path.Combine(data, "emopia", "labels.csv")).Skip(1).Select(l => l.Split(','))
        .Where(r => r[2] == "val").OrderBy(r => r[0], StringComparer.Ordinal).Where((_, i) => i % every == 0).ToArray();
    using var transcriber = new NoteTranscriber(new NoteTranscriptionOptions { MinimumNoteFrames = minNote });
    var f1s = new List<double>();
    int matched = 0, referenceCount = 0, estimatedCount = 0;
    foreach (string[] row in rows)
    {
        string midi = Path.Combine(data, "emopia", row[3]);
        string wav = Path.Combine(folder, row[0] + ".wav");
        if (!File.Exists(wav))
        {
            Render(midi, wav);
        }

        IReadOnlyList<NoteEvent> estimated = (await transcriber.TranscribeAsync(wav)).Notes;
        IReadOnlyList<NoteEvent> reference = MusicEmotion.Notes.Midi.NoteMidiFile.ReadNotes(midi);
        int m = MaximumMatching(reference, estimated);
        double p = (double)m / Math.Max(1, estimated.Count), r = (double)m / Math.Max(1, reference.Count);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        f1s.Add(f);
        matched += m;
        referenceCount += reference.Count;
        estimatedCount += estimated.Count;
        Console.WriteLine($"{row[0]}: reference {reference.Count}, transcribed {estimated.Count}, precision {p:0.000}, recall {r:0.000}, F1 {f:0.000}");
    }

    double pooledP = (double)matched / estimatedCount, pooledR = (double)matched / referenceCount;
    var sorted = f1s.Order().ToArray();
    Console.WriteLine($"{rows.Length} clips (minimum note {minNote} frames): mean F1 {f1s.Average():0.000}, median {sorted[sorted.Length / 2]:0.000}, " +
        $"min {sorted[0]:0.000}, max {sorted[^1]:0.000}, {f1s.Count(f => f >= 0.7)} clips >= 0.7; pooled precision {pooledP:0.000}, recall {pooledR:0.000}, F1 {2 * pooledP * pooledR / (pooledP + pooledR):0.000}");
    return 0;
}

// mir_eval's onset-only matching: same pitch, onsets at most 50 ms apart, a maximum bipartite matching (augmenting paths).
static int MaximumMatching(IReadOnlyList<NoteEvent> reference, IReadOnlyList<NoteEvent> estimated)
{
    List<int>[] candidates = reference.Select(n => Enumerable.Range(0, estimated.Count)
        .Where(e => estimated[e].Pitch == n.Pitch && Math.Abs(estimated[e].StartSeconds - n.StartSeconds) <= 0.05).ToList()).ToArray();
    int[] owner = Enumerable.Repeat(-1, estimated.Count).ToArray();
    bool Augment(int r, bool[] seen)
    {
        foreach (int e in candidates[r])
        {
            if (!seen[e])
            {
                seen[e] = true;
                if (owner[e] < 0 || Augment(owner[e], seen))
                {
                    owner[e] = r;
                    return true;
                }
            }
        }

        return false;
    }

    return Enumerable.Range(0, reference.Count).Count(r => Augment(r, new bool[estimated.Count]));
}

static async Task<int> Stream(string audio)
{
    using var transcriber = new NoteTranscriber();
    TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    int notes = 0;
    double last = 0;
    await foreach (NoteEvent note in transcriber.TranscribeStreamingAsync(audio))
    {
        notes++;
        last = note.StartSeconds;
    }

    using Process self = Process.GetCurrentProcess();
    self.Refresh();
    Console.WriteLine($"{audio}: {notes} notes (last onset {last:0.0} s), wall {watch.Elapsed.TotalSeconds:0.0} s, CPU {(self.TotalProcessorTime - cpuBefore).TotalSeconds:0.0} s, " +
        $"peak RSS {self.PeakWorkingSet64 / 1048576.0:0.0} MB, managed heap now {GC.GetTotalMemory(false) / 1048576.0:0.0} MB");
    return 0;
}

static async Task<int> Time(double seconds, int runs)
{
    float[] samples = SynthesizedMusic.Render(SynthesizedMusic.Piece(seconds), NoteTranscriber.SampleRate, seconds);
    using var transcriber = new NoteTranscriber();
    await transcriber.TranscribeAsync(new ArraySampleSource(samples.AsMemory(0, NoteTranscriber.SampleRate * 5), NoteTranscriber.SampleRate), "warm-up");
    var wall = new List<double>();
    var cpu = new List<double>();
    int notes = 0;
    for (int i = 0; i < runs; i++)
    {
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        notes = (await transcriber.TranscribeAsync(new ArraySampleSource(samples, NoteTranscriber.SampleRate), "piece")).Notes.Count;
        wall.Add(watch.Elapsed.TotalSeconds);
        cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
        Console.WriteLine($"run {i + 1}: {notes} notes, wall {wall[^1]:0.000} s, CPU {cpu[^1]:0.000} s");
    }

    double medianWall = wall.Order().ElementAt(runs / 2), medianCpu = cpu.Order().ElementAt(runs / 2);
    Console.WriteLine($"{seconds} s of audio: median wall {medianWall:0.000} s = {seconds / medianWall:0.0}x real time, median CPU {medianCpu:0.000} s = {seconds / medianCpu:0.0}x (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
    return 0;
}

static async Task<int> Compare(string folder, string? onnx)
{
    JsonElement[] clips = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "clips.json"))).RootElement.EnumerateArray().ToArray();
    using BasicPitchModel model = onnx is null ? BasicPitchModel.LoadEmbedded(threads: 1) : BasicPitchModel.Load(File.ReadAllBytes(onnx), 1, onnx);
    using var buffers = new WindowBuffers();
    using var transcriber = new NoteTranscriber();
    double[] worst = new double[3];
    long windowsCompared = 0;
    int refTotal = 0, ourTotal = 0, matchedTotal = 0, sameFramesTotal = 0, sameBendsTotal = 0, refTail = 0, ourTail = 0, refMissed = 0, ourMissed = 0;
    double worstAmplitude = 0, worstOnsetShift = 0;
    Console.WriteLine("clip                          windows  max|Δ| note   onset    contour  | ref notes  C# notes  matched  same frames");
    foreach (JsonElement clip in clips)
    {
        string id = clip.GetProperty("id").GetString()!;
        float[] samples = ReadFloats(Path.Combine(folder, clip.GetProperty("samples").GetString()!));
        float[] reference = ReadFloats(Path.Combine(folder, id + ".reference.f32"));
        int perWindow = BasicPitchGeometry.WindowFrames * ((2 * BasicPitchGeometry.Keys) + BasicPitchGeometry.ContourBins);
        int windows = reference.Length / perWindow;
        double[] clipWorst = new double[3];
        for (int w = 0; w < windows; w++)
        {
            // The reference's framing: half an overlap of zeros, then windows every 36,164 samples, zeros after the end.
            Array.Clear(buffers.Audio);
            long start = ((long)w * BasicPitchGeometry.WindowHopSamples) - BasicPitchGeometry.LeadingPadSamples;
            for (int i = 0; i < BasicPitchGeometry.WindowSamples; i++)
            {
                long s = start + i;
                buffers.Audio[i] = s >= 0 && s < samples.Length ? samples[s] : 0f;
            }

            model.Run(buffers);
            // Ours holds the kept frames (15 … 156 of the reference's 172) of each output.
            int offset = w * perWindow;
            float[][] ours = [buffers.Note, buffers.Onset, buffers.Contour];
            int[] widths = [BasicPitchGeometry.Keys, BasicPitchGeometry.Keys, BasicPitchGeometry.ContourBins];
            for (int o = 0; o < 3; o++)
            {
                int skip = BasicPitchGeometry.TrimFrames * widths[o];
                for (int i = 0; i < ours[o].Length; i++)
                {
                    clipWorst[o] = Math.Max(clipWorst[o], Math.Abs(ours[o][i] - reference[offset + skip + i]));
                }

                offset += BasicPitchGeometry.WindowFrames * widths[o];
            }
        }

        windowsCompared += windows;
        for (int o = 0; o < 3; o++)
        {
            worst[o] = Math.Max(worst[o], clipWorst[o]);
        }

        // Notes: the public API on the same floats, against the reference's notes.
        NoteTranscription ours2 = await transcriber.TranscribeAsync(new ArraySampleSource(samples, NoteTranscriber.SampleRate), id);
        JsonElement referenceJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, id + ".reference.json"))).RootElement;
        RefNote[] refs = referenceJson.GetProperty("notes").EnumerateArray().Select(n => new RefNote(
            n.GetProperty("startFrame").GetInt64(), n.GetProperty("durationFrames").GetInt64(), n.GetProperty("pitch").GetInt32(),
            n.GetProperty("amplitude").GetDouble(), n.GetProperty("pitchBends").EnumerateArray().Select(b => b.GetInt32()).ToArray(),
            n.GetProperty("startSeconds").GetDouble(), n.GetProperty("durationSeconds").GetDouble())).ToArray();
        (int matched, int sameFrames, int sameBends, double amplitude, double shift, List<RefNote> refOnly, List<NoteEvent> ourOnly) = Match(refs, ours2.Notes);
        // The reference keeps floor(samples·86/22050) frames (86 frames per second, where there are 86.13, and 142 per
        // window of 141.27): it drops the last 0.1-0.2 s of a clip, and its notes stop at its last frame. Ours run to the end.
        long referenceFrames = referenceJson.GetProperty("frames").GetInt64();
        double referenceEnd = BasicPitchGeometry.FrameSeconds(referenceFrames - 2);
        refMissed += refOnly.Count;
        ourMissed += ourOnly.Count;
        refTail += refOnly.Count(r => r.StartFrame + r.DurationFrames >= referenceFrames - 2);
        ourTail += ourOnly.Count(o => o.EndSeconds > referenceEnd);
        refTotal += refs.Length;
        ourTotal += ours2.Notes.Count;
        matchedTotal += matched;
        sameFramesTotal += sameFrames;
        sameBendsTotal += sameBends;
        worstAmplitude = Math.Max(worstAmplitude, amplitude);
        worstOnsetShift = Math.Max(worstOnsetShift, shift);
        Console.WriteLine($"{id,-30}{windows,7}  {clipWorst[0],9:0.0e+0} {clipWorst[1],8:0.0e+0} {clipWorst[2],8:0.0e+0}  | {refs.Length,9} {ours2.Notes.Count,9} {matched,8} {sameFrames,12}");
    }

    Console.WriteLine();
    Console.WriteLine($"model: {clips.Length} clips, {windowsCompared} windows; largest |ONNX - TF.js|: note {worst[0]:0.000e+0}, onset {worst[1]:0.000e+0}, contour {worst[2]:0.000e+0} (bar 1e-3: {(worst.Max() <= 1e-3 ? "met" : "NOT met")})");
    Console.WriteLine($"notes: reference {refTotal}, C# {ourTotal}; same pitch with onset and offset within one frame (11.6 ms): {matchedTotal} " +
        $"= {100.0 * matchedTotal / Math.Max(1, refTotal):0.00} % of the reference's, {100.0 * matchedTotal / Math.Max(1, ourTotal):0.00} % of C#'s (bar 98 %: {(matchedTotal >= 0.98 * Math.Max(refTotal, ourTotal) ? "met" : "NOT met")})");
    Console.WriteLine($"       unmatched: {refMissed} of the reference's notes ({refTail} of them reach its last frames) and {ourMissed} of C#'s ({ourTail} of them end after the reference's last frame)");
    Console.WriteLine($"       of those matched, the very same frames: {sameFramesTotal}; the same pitch bends: {sameBendsTotal}; largest amplitude difference {worstAmplitude:0.0e+0}; largest |Δ onset| {1000 * worstOnsetShift:0.0} ms " +
        "(C# times are the frames' centres, the reference's its own approximation)");
    return 0;
}

// One-to-one: each reference note takes the closest unmatched C# note of its pitch within one frame at both ends.
static (int Matched, int SameFrames, int SameBends, double WorstAmplitude, double WorstShift, List<RefNote> RefOnly, List<NoteEvent> OurOnly) Match(RefNote[] refs, IReadOnlyList<NoteEvent> ours)
{
    const double frame = 256.0 / 22050;
    var used = new bool[ours.Count];
    int matched = 0, sameFrames = 0, sameBends = 0;
    double worstAmplitude = 0, worstShift = 0;
    var refOnly = new List<RefNote>();
    foreach (RefNote r in refs.OrderBy(r => r.StartSeconds))
    {
        int best = -1;
        double bestCost = double.MaxValue;
        for (int i = 0; i < ours.Count; i++)
        {
            NoteEvent o = ours[i];
            double ds = Math.Abs(o.StartSeconds - r.StartSeconds), de = Math.Abs(o.EndSeconds - (r.StartSeconds + r.DurationSeconds));
            if (!used[i] && o.Pitch == r.Pitch && ds <= frame + 1e-9 && de <= frame + 1e-9 && ds + de < bestCost)
            {
                best = i;
                bestCost = ds + de;
            }
        }

        if (best < 0)
        {
            refOnly.Add(r);
            continue;
        }

        used[best] = true;
        matched++;
        NoteEvent m = ours[best];
        worstShift = Math.Max(worstShift, Math.Abs(m.StartSeconds - r.StartSeconds));
        if (FrameOf(m.StartSeconds) == r.StartFrame && FrameOf(m.EndSeconds) == r.StartFrame + r.DurationFrames)
        {
            sameFrames++;
            worstAmplitude = Math.Max(worstAmplitude, Math.Abs(m.Amplitude - r.Amplitude));
            if (m.PitchBends.Select(b => (int)Math.Round(b.Semitones * 3) + 1).SequenceEqual(r.Bends)) // ours are measured from the nominal bin (3k+1), the reference's from 3k
            {
                sameBends++;
            }
        }
    }

    return (matched, sameFrames, sameBends, worstAmplitude, worstShift, refOnly, ours.Where((_, i) => !used[i]).ToList());
}

static long FrameOf(double seconds)
{
    long sample = (long)Math.Round(seconds * BasicPitchGeometry.SampleRate);
    return (sample / BasicPitchGeometry.WindowHopSamples * BasicPitchGeometry.KeptFrames) + (sample % BasicPitchGeometry.WindowHopSamples / BasicPitchGeometry.HopSamples);
}

static float[] ReadFloats(string path)
{
    byte[] bytes = File.ReadAllBytes(path);
    if (bytes.Length % 4 != 0)
    {
        throw new InvalidDataException($"{path}: not float32 samples");
    }

    return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
}

internal sealed record Clip(string Id, string Source, int Samples);

internal sealed record RefNote(long StartFrame, long DurationFrames, int Pitch, double Amplitude, int[] Bends, double StartSeconds, double DurationSeconds);
