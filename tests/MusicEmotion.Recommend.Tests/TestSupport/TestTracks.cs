using MusicEmotion.Features.Descriptors;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tests.TestSupport;

/// <summary>Synthetic catalog records: descriptors and timelines chosen by the test, everything else consistent.</summary>
internal static class TestTracks
{
    public const string Model = "test-model";
    public const string Version = "1.0.0";

    /// <summary>A record whose descriptors are <paramref name="sound"/> (padded with 0) and whose timeline is <paramref name="arousal"/>/<paramref name="valence"/>; its key is A minor (strength 0.7) unless <paramref name="key"/> says otherwise.</summary>
    public static TrackRecord Make(string name, float[] sound, float[] arousal, float[]? valence = null, double? duration = null, string model = Model, string version = Version, int arcLength = TrackVectorOptions.DefaultArcLength, float[]? melody = null, MusicalKey? key = null)
    {
        valence ??= arousal.Select(a => -a / 2).ToArray();
        var values = new float[TrackDescriptors.Names.Count];
        sound.AsSpan().CopyTo(values);
        var descriptors = new TrackDescriptors(values, key ?? new MusicalKey(9, MusicalMode.Minor, 0.7));
        var timeline = new EmotionTimeline(arousal, valence, duration ?? arousal.Length);
        return new TrackRecord
        {
            Id = TrackId.Compute(System.Text.Encoding.UTF8.GetBytes(name)),
            SourceName = name,
            DurationSeconds = duration ?? arousal.Length,
            ModelName = model,
            ModelVersion = version,
            Timeline = timeline,
            Descriptors = descriptors,
            Blocks = TrackVectorBlocks.From(descriptors, timeline, arcLength, melody),
            Description = $"{name} description",
        };
    }

    /// <summary>A constant timeline of <paramref name="seconds"/> seconds.</summary>
    public static float[] Flat(float value, int seconds = 60) => Enumerable.Repeat(value, seconds).ToArray();

    /// <summary>A linear ramp from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static float[] Ramp(float from, float to, int seconds = 60) =>
        Enumerable.Range(0, seconds).Select(i => from + ((to - from) * i / (seconds - 1f))).ToArray();

    /// <summary>A deterministic pseudo-random melody block (means then spreads, the coverage mean at <paramref name="coverage"/>).</summary>
    public static float[] Melody(int seed, float coverage = 0.6f)
    {
        var random = new Random(seed);
        float[] values = [.. Enumerable.Range(0, TrackVectorBlocks.MelodyNames.Count).Select(_ => (float)random.NextDouble())];
        values[1] = coverage;
        return values;
    }

    /// <summary>Deterministic pseudo-random descriptors.</summary>
    public static float[] Sound(int seed, int count = 20)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }
}
