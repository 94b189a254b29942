using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Inference.Prediction;
using MusicEmotion.Tests.Shared;

namespace MusicEmotion.Inference.Tests.RealAudio;

/// <summary>
/// Real quiet music is never taken for silence or a steady signal: every second of every low-arousal (Q3 and Q4) 4Q
/// val clip — the calmest, softest music the project has — must count as music. Needs ../shared/data.
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
}
