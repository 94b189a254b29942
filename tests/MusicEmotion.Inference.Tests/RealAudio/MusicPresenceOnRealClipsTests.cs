using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Inference.Prediction;

namespace MusicEmotion.Inference.Tests.RealAudio;

/// <summary>
/// Real quiet music is never taken for silence or a steady signal: every second of every low-arousal (Q3 and Q4) 4Q
/// val clip — the calmest, softest music the project has — must count as music; and a real clip with silence around
/// it is flagged at the right seconds and read as the clip alone. Needs ../shared/data.
/// </summary>
public sealed class MusicPresenceOnRealClipsTests
{
    [SkippableFact]
    public void No_second_of_a_calm_4Q_val_clip_is_flagged()
    {
        string labels = SharedData.Require("4q", "labels.csv");
        string root = Path.GetDirectoryName(labels)!;
        string[] clips = File.ReadLines(labels).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells[2] == "val" && cells[1] is "Q3" or "Q4")
            .Select(cells => Path.Combine(root, cells[3]))
            .ToArray();
        clips.Should().HaveCount(72);

        var flagged = new List<string>();
        Parallel.ForEach(clips, new ParallelOptions { MaxDegreeOfParallelism = 2 }, clip =>
        {
            var detector = new MusicPresenceDetector(22050, MusicDetectionOptions.Default);
            using ISampleSource source = AudioLoader.Default.Open(clip).ToMonoAt(22050);
            float[] buffer = new float[1 << 15];
            int n;
            while ((n = source.Read(buffer)) > 0)
            {
                detector.Push(buffer.AsSpan(0, n));
            }

            detector.Complete();
            int[] seconds = Enumerable.Range(0, detector.Final.Count).Where(s => detector.Final[s] != MusicPresence.Music).ToArray();
            if (seconds.Length > 0)
            {
                lock (flagged)
                {
                    flagged.Add($"{Path.GetFileName(clip)}: seconds {string.Join(", ", seconds)} ({detector.Final[seconds[0]]})");
                }
            }
        });

        flagged.Should().BeEmpty("calm music is music");
    }

    [SkippableTheory]
    [InlineData("audio/Q1/MT0001605268.mp3")] // 4Q Q1, val split
    [InlineData("audio/Q3/MT0003930610.mp3")] // 4Q Q3, val split
    public async Task Ten_seconds_of_silence_around_a_clip_are_flagged_and_leave_its_statistics_as_they_were(string clip)
    {
        string path = SharedData.Require("4q", clip);
        float[] samples = Decode(path);
        float[] padded = [.. new float[10 * 22050], .. samples, .. new float[10 * 22050]];
        using var analyzer = EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions { Describe = false });

        EmotionAnalysis alone = await analyzer.AnalyzeAsync(AudioInput.FromSamples(new ArraySampleSource(samples, new AudioFormat(22050, 1)), "alone"));
        EmotionAnalysis around = await analyzer.AnalyzeAsync(AudioInput.FromSamples(new ArraySampleSource(padded, new AudioFormat(22050, 1)), "padded"));

        int clipSeconds = alone.Timeline.Count;
        around.Timeline.Presence.Take(10).Should().OnlyContain(p => p == MusicPresence.Silence);
        around.Timeline.Presence.Skip(10).Take(clipSeconds - 1).Should().OnlyContain(p => p == MusicPresence.Music);
        around.Timeline.Presence.Skip(10 + clipSeconds).Should().OnlyContain(p => p == MusicPresence.Silence);
        around.Summary.Arousal!.Mean.Should().BeApproximately(alone.Summary.Arousal!.Mean, 0.05);
        around.Summary.Valence!.Mean.Should().BeApproximately(alone.Summary.Valence!.Mean, 0.05);
        around.Summary.Arousal.StandardDeviation.Should().BeApproximately(alone.Summary.Arousal.StandardDeviation, 0.05);
        around.Summary.Valence.StandardDeviation.Should().BeApproximately(alone.Summary.Valence.StandardDeviation, 0.05);
        around.Summary.DominantQuadrant.Should().Be(alone.Summary.DominantQuadrant);
    }

    private static float[] Decode(string path)
    {
        using ISampleSource source = AudioLoader.Default.Open(path).ToMonoAt(22050);
        var samples = new List<float>();
        float[] buffer = new float[1 << 15];
        int n;
        while ((n = source.Read(buffer)) > 0)
        {
            samples.AddRange(buffer.AsSpan(0, n));
        }

        return [.. samples];
    }
}
