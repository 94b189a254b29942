using BenchmarkDotNet.Attributes;
using MusicEmotion.Audio;

namespace MusicEmotion.Benchmarks;

/// <summary>Decoding 3 minutes of 44.1 kHz stereo: managed WAV reader and ffmpeg (MP3), samples read and discarded.</summary>
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
