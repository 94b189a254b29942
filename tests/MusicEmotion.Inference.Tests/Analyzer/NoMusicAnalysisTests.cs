using MusicEmotion.Audio;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference.Tests.Analyzer;

/// <summary>
/// Audio without music gets a result that says so, not a mood: no statistics, no dominant quadrant, no peaks, a "no
/// music detected" description; audio with some silence is read from its music seconds only. The shipped model.
/// </summary>
public sealed class NoMusicAnalysisTests
{
    private const int Rate = 22050;

    [Fact]
    public async Task Thirty_minutes_of_digital_silence_is_no_music_not_an_angry_mood()
    {
        using var analyzer = EmotionAnalyzer.CreateDefault();

        EmotionAnalysis result = await analyzer.AnalyzeAsync(AudioInput.FromSamples(new GeneratedSource(30 * 60 * Rate, _ => 0f), "silence"));

        result.Timeline.Count.Should().Be(1800);
        result.Timeline.HasMusic.Should().BeFalse();
        result.Timeline.Presence.Should().OnlyContain(p => p == MusicPresence.Silence);
        result.Timeline.Arousal.Concat(result.Timeline.Valence).Should().OnlyContain(v => v == 0);
        EmotionSummary summary = result.Summary;
        summary.HasMusic.Should().BeFalse();
        summary.MusicSeconds.Should().Be(0);
        summary.DominantQuadrant.Should().BeNull();
        summary.Arousal.Should().BeNull();
        summary.Valence.Should().BeNull();
        summary.ArousalPeaks.Should().BeEmpty();
        summary.StrongestMoments.Should().BeEmpty();
        summary.QuadrantShares.Should().Be(new QuadrantShares(0, 0, 0, 0));
        result.Description.Should().Be("No music detected: the audio is silent or nearly so, so there is no mood to describe.");
        result.Vector.Arousal.Concat(result.Vector.Valence).Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public async Task Noise_at_minus_70_dBFS_is_silence()
    {
        var random = new Random(4);
        float amplitude = (float)(Math.Pow(10, -70 / 20.0) * Math.Sqrt(3));
        using var analyzer = EmotionAnalyzer.CreateDefault();

        EmotionAnalysis result = await analyzer.AnalyzeAsync(AudioInput.FromSamples(
            new GeneratedSource(20 * Rate, _ => amplitude * ((2 * random.NextSingle()) - 1)), "hiss"));

        result.Timeline.Presence.Should().OnlyContain(p => p == MusicPresence.Silence);
        result.Summary.DominantQuadrant.Should().BeNull();
    }

    [Fact]
    public async Task A_440_Hz_sine_is_a_steady_signal_with_no_mood()
    {
        using var analyzer = EmotionAnalyzer.CreateDefault();

        EmotionAnalysis result = await analyzer.AnalyzeAsync(AudioInput.FromSamples(
            new GeneratedSource(20 * Rate, n => 0.3f * MathF.Sin(2 * MathF.PI * 440 * n / Rate)), "sine"));

        result.Timeline.Presence.Should().OnlyContain(p => p == MusicPresence.SteadySignal);
        result.Timeline.Arousal.Should().OnlyContain(v => v == 0, "a tone pinned arousal at -1 before detection");
        result.Description.Should().Be("No music detected: the audio is a steady tone or noise, with no rhythm or change, so there is no mood to describe.");
    }

    [Fact]
    public async Task Streaming_reports_the_same_presence_and_values_as_the_whole_analysis()
    {
        float[] music = TestSignals.Mono(20, Rate, seed: 3);
        float[] signal = [.. new float[6 * Rate], .. music, .. new float[5 * Rate], .. music];
        using var analyzer = EmotionAnalyzer.CreateDefault();

        EmotionAnalysis whole = await analyzer.AnalyzeAsync(AudioInput.FromSamples(new GeneratedSource(signal.Length, n => signal[n]), "whole"));
        var frames = new List<EmotionFrame>();
        await foreach (EmotionFrame frame in analyzer.AnalyzeStreamingAsync(AudioInput.FromSamples(new GeneratedSource(signal.Length, n => signal[n]), "streamed")))
        {
            frames.Add(frame);
        }

        frames.Select(f => f.Second).Should().Equal(Enumerable.Range(0, 51));
        frames.Select(f => f.Presence).Should().Equal(whole.Timeline.Presence);
        whole.Timeline.Presence.Take(6).Should().OnlyContain(p => p == MusicPresence.Silence);
        whole.Timeline.Presence.Skip(26).Take(5).Should().OnlyContain(p => p == MusicPresence.Silence);
        whole.Timeline.MusicSeconds.Should().HaveCount(40);
        for (int s = 0; s < frames.Count; s++)
        {
            frames[s].Arousal.Should().BeApproximately(whole.Timeline.Arousal[s], 1e-5f);
        }

        whole.Description.Should().EndWith("11 seconds without music (silence) are left out.");
    }

    [Fact]
    public async Task Music_around_a_silence_is_read_as_if_the_silence_were_the_ends_of_the_audio()
    {
        float[] music = TestSignals.Mono(20, Rate, seed: 9);
        float[] padded = [.. music, .. new float[8 * Rate], .. music];
        using var analyzer = EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions { Describe = false });

        EmotionAnalysis alone = await analyzer.AnalyzeAsync(AudioInput.FromSamples(new GeneratedSource(music.Length, n => music[n]), "alone"));
        EmotionAnalysis both = await analyzer.AnalyzeAsync(AudioInput.FromSamples(new GeneratedSource(padded.Length, n => padded[n]), "both"));

        // The second copy of the music starts at second 28: its windows see only its own frames, so its values match
        // the music alone (up to the frames at the very edge, whose STFT reaches into the silence).
        for (int s = 2; s < 18; s++)
        {
            both.Timeline.Arousal[28 + s].Should().BeApproximately(alone.Timeline.Arousal[s], 0.02f, $"second {s} of the second copy");
            both.Timeline.Arousal[s].Should().BeApproximately(alone.Timeline.Arousal[s], 0.02f, $"second {s} of the first copy");
        }
    }

    /// <summary>A mono source whose sample n is <c>sample(n)</c>, generated as it is read (no 30-minute array).</summary>
    private sealed class GeneratedSource(long length, Func<int, float> sample) : ISampleSource
    {
        private long _position;

        public AudioFormat Format { get; } = new(Rate, 1);

        public long? LengthInFrames => length;

        public int Read(Span<float> buffer)
        {
            int n = (int)Math.Min(buffer.Length, length - _position);
            for (int i = 0; i < n; i++)
            {
                buffer[i] = sample((int)(_position + i));
            }

            _position += n;
            return n;
        }

        public void Dispose()
        {
        }
    }
}
