using BenchmarkDotNet.Attributes;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Ffmpeg;

namespace MusicEmotion.Benchmarks;

/// <summary>
/// Decoding 3 minutes of 44.1 kHz stereo, samples read and discarded: the managed WAV reader, and the same MP3 through
/// ffmpeg (child process) and through the managed fallback (NLayer, in process: the loader with ffmpeg hidden), with
/// NLayer's own <c>MpegFile</c> reader as the raw peer.
/// </summary>
[MemoryDiagnoser]
public class DecodeBenchmarks
{
    private readonly float[] _buffer = new float[16384];
    private string _dir = "";
    private string _wav = "";
    private string _mp3 = "";

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mer-bench-decode");
        Directory.CreateDirectory(_dir);
        _wav = Path.Combine(_dir, "3min-44k-stereo.wav");
        _mp3 = Path.Combine(_dir, "3min-44k-stereo.mp3");
        BenchmarkAudio.WriteWav(_wav, BenchmarkAudio.MusicLike(44100, 180), 44100, 2);
        BenchmarkAudio.Encode(_wav, _mp3, "-c:a", "libmp3lame", "-b:a", "192k");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark(Description = "WAV 16-bit stereo 3 min, managed")]
    public long Wav() => Drain(AudioLoader.Default.Open(_wav));

    [Benchmark(Description = "MP3 192k stereo 3 min, ffmpeg")]
    public long Mp3() => Drain(AudioLoader.Default.Open(_mp3));

    [Benchmark(Description = "MP3 192k stereo 3 min, NLayer (managed fallback)")]
    public long Mp3NLayer() => Drain(WithoutFfmpeg.Open(_mp3));

    [Benchmark(Description = "MP3 192k stereo 3 min, NLayer MpegFile (raw peer)")]
    public long Mp3NLayerMpegFile()
    {
        using var file = new NLayer.MpegFile(_mp3);
        long total = 0;
        int n;
        while ((n = file.ReadSamples(_buffer.AsSpan())) > 0)
        {
            total += n;
        }

        return total;
    }

    private static readonly AudioLoader WithoutFfmpeg = AudioLoader.CreateDefault(new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg" });

    private long Drain(ISampleSource source)
    {
        using (source)
        {
            long total = 0;
            int n;
            while ((n = source.Read(_buffer)) > 0)
            {
                total += n;
            }

            return total;
        }
    }
}
