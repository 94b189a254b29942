using System.Diagnostics;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Ffmpeg;

namespace MusicEmotion.Inference.Tests.Decoders;

/// <summary>
/// The per-second analysis of an MP3 decoded by ffmpeg and by the managed fallback (NLayer, ffmpeg hidden from the
/// analyser) agrees within 0.02 on both dimensions, every second: users without ffmpeg get the same results.
/// </summary>
public sealed class ManagedDecoderAnalysisTests : IDisposable
{
    private const float PerSecondTolerance = 0.02f;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mer-decoders-" + Guid.NewGuid().ToString("N"));

    public ManagedDecoderAnalysisTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_synthetic_vbr_song_analyses_the_same_through_nlayer()
    {
        // LAME VBR with a transient every half second: the case where NLayer's samples deviate most from ffmpeg's.
        string wav = Path.Combine(_dir, "song.wav");
        File.WriteAllBytes(wav, PcmWav.Encode16(PcmWav.Interleave(Song(22050 * 2, 40), 2), 44100, 2));
        string mp3 = Path.Combine(_dir, "song.mp3");
        Encode(wav, mp3, "-c:a", "libmp3lame", "-q:a", "2");

        await AssertSameAnalysisAsync(mp3);
    }

    [SkippableTheory]
    [InlineData("emomusic", "audio/10.mp3")] // 44.1 kHz mono 64 kbit/s, as published
    [InlineData("4q", "audio/Q1/MT0001605268.mp3")] // 22.05 kHz mono 48 kbit/s (MPEG-2 Layer III)
    [InlineData("4q", "audio/Q3/MT0003930610.mp3")]
    public async Task Real_clips_analyse_the_same_through_nlayer(string dataset, string clip)
    {
        string path = SharedData.Require(dataset, clip);
        await AssertSameAnalysisAsync(path);
    }

    [SkippableFact]
    public async Task A_real_clip_reencoded_as_stereo_vbr_analyses_the_same_through_nlayer()
    {
        string source = SharedData.Require("emomusic", "audio/12.mp3");
        string mp3 = Path.Combine(_dir, "vbr.mp3");
        Encode(source, mp3, "-c:a", "libmp3lame", "-q:a", "2", "-ac", "2", "-af", "aecho=0.8:0.5:40:0.4");
        await AssertSameAnalysisAsync(mp3);
    }

    private static async Task AssertSameAnalysisAsync(string mp3)
    {
        using var withFfmpeg = EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions { Describe = false });
        using var withoutFfmpeg = EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions
        {
            Describe = false,
            Ffmpeg = new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg", FfprobePath = "/nonexistent/ffprobe" },
        });
        AudioLoader.CreateDefault(withoutFfmpeg.Options.Ffmpeg).SelectDecoder(mp3).Name.Should().Be("nlayer");

        EmotionAnalysis expected = await withFfmpeg.AnalyzeAsync(mp3);
        EmotionAnalysis actual = await withoutFfmpeg.AnalyzeAsync(mp3);

        actual.DurationSeconds.Should().Be(expected.DurationSeconds, "both honour the gapless fields and keep every frame's time");
        actual.Timeline.Count.Should().Be(expected.Timeline.Count).And.BeGreaterThan(10);
        for (int second = 0; second < actual.Timeline.Count; second++)
        {
            actual.Timeline.Arousal[second].Should().BeApproximately(expected.Timeline.Arousal[second], PerSecondTolerance, $"arousal at {second} s");
            actual.Timeline.Valence[second].Should().BeApproximately(expected.Timeline.Valence[second], PerSecondTolerance, $"valence at {second} s");
        }
    }

    /// <summary>A chord that changes every 4 s over a kick drum, with noise: enough structure for the model to react to.</summary>
    private static float[] Song(int rate, double seconds) => TestSignals.ChordsOverKick(
        rate, seconds, [[220, 277.2, 329.6], [196, 246.9, 293.7], [174.6, 220, 261.6], [164.8, 207.7, 246.9]], chordSeconds: 4, beatsPerSecond: 2, seed: 11);

    private static void Encode(string input, string output, params string[] codec)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", input }.Concat(codec).Append(output))
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, error);
    }
}
