using System.Diagnostics;
using MusicEmotion.Audio.Decoding;
using MusicEmotion.Audio.Ffmpeg;
using MusicEmotion.Audio.Tests.TestSupport;

namespace MusicEmotion.Audio.Tests.Ffmpeg;

/// <summary>Real decoding through the real ffmpeg (CI installs it).</summary>
public sealed class FfmpegDecoderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _sourceWav;

    public FfmpegDecoderTests()
    {
        _sourceWav = _dir.Write("sine.wav", WavBuilder.Sine(44100, 440, 3.0, channels: 2));
    }

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string[]> Codecs => new()
    {
        { "song.mp3", ["-c:a", "libmp3lame", "-b:a", "128k"] },
        { "song.flac", ["-c:a", "flac"] },
        { "song.ogg", ["-c:a", "libvorbis"] },
        { "song.opus", ["-c:a", "libopus", "-ar", "48000"] },
        { "song.m4a", ["-c:a", "aac", "-b:a", "128k"] },
    };

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Decodes_each_format_by_content_keeping_pitch_and_length(string name, string[] codec)
    {
        string path = _dir.File(name);
        TestSupport.Ffmpeg.Encode(_sourceWav, path, codec);
        AudioLoader.Default.SelectDecoder(path).Name.Should().Be("ffmpeg");

        using ISampleSource source = AudioLoader.Default.Open(path);
        source.Format.Channels.Should().Be(2);
        int rate = source.Format.SampleRate;
        float[] samples = SignalMeasure.ReadAll(source);
        float[] left = samples.Where((_, i) => i % 2 == 0).ToArray();
        // Lossy codecs add priming samples: duration within 60 ms, pitch within 1 Hz, level within 0.5 dB.
        (left.Length / (double)rate).Should().BeApproximately(3.0, 0.06);
        SignalMeasure.ZeroCrossingFrequency(left.AsSpan(rate / 2, rate * 2), rate).Should().BeApproximately(440, 1.0);
        double rmsDb = 20 * Math.Log10(SignalMeasure.Rms(left.AsSpan(rate / 2, rate * 2)) / (0.5 / Math.Sqrt(2)));
        rmsDb.Should().BeApproximately(0, 0.5);
    }

    [Fact]
    public void Choice_is_by_content_not_extension()
    {
        string mp3 = _dir.File("really.mp3");
        TestSupport.Ffmpeg.Encode(_sourceWav, mp3, "-c:a", "libmp3lame");
        string disguisedMp3 = _dir.File("disguised.wav");
        File.Copy(mp3, disguisedMp3);
        string disguisedWav = _dir.File("disguised.mp3");
        File.Copy(_sourceWav, disguisedWav);

        AudioLoader.Default.SelectDecoder(disguisedMp3).Name.Should().Be("ffmpeg");
        AudioLoader.Default.SelectDecoder(disguisedWav).Name.Should().Be("wav");
        using ISampleSource source = AudioLoader.Default.Open(disguisedMp3);
        SignalMeasure.ReadAll(source).Length.Should().BeGreaterThan(44100 * 2 * 2);
    }

    [Fact]
    public void A_wav_in_an_encoding_the_managed_reader_lacks_goes_to_ffmpeg()
    {
        string mulaw = _dir.File("mulaw.wav");
        TestSupport.Ffmpeg.Encode(_sourceWav, mulaw, "-c:a", "pcm_mulaw");
        AudioLoader.Default.SelectDecoder(mulaw).Name.Should().Be("ffmpeg");
        using ISampleSource source = AudioLoader.Default.Open(mulaw);
        float[] samples = SignalMeasure.ReadAll(source);
        samples.Length.Should().Be(44100 * 3 * 2);
    }

    [Fact]
    public void Decodes_from_a_non_seekable_stream_through_stdin()
    {
        string flac = _dir.File("song.flac");
        TestSupport.Ffmpeg.Encode(_sourceWav, flac, "-c:a", "flac");
        using ISampleSource source = AudioLoader.Default.Open(new NonSeekableStream(File.ReadAllBytes(flac)), "upload.flac");
        float[] samples = SignalMeasure.ReadAll(source);
        // FLAC is lossless: exactly the frames that went in.
        samples.Length.Should().Be(44100 * 3 * 2);
    }

    [Fact]
    public void Hostile_file_names_are_passed_as_arguments_never_through_a_shell()
    {
        string mp3 = _dir.File("x.mp3");
        TestSupport.Ffmpeg.Encode(_sourceWav, mp3, "-c:a", "libmp3lame");
        string marker = _dir.File("pwned");
        foreach (string name in new[] { "-i.mp3", "$(touch pwned).mp3", "a;touch pwned;.mp3", "it's \"quoted\" |pipe.mp3", "http:evil.mp3" })
        {
            string path = _dir.File(name);
            File.Copy(mp3, path);
            string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
            using ISampleSource source = AudioLoader.Default.Open(relative);
            SignalMeasure.ReadAll(source).Length.Should().BeGreaterThan(0, name);
            AudioLoader.Default.Probe(path).DecoderName.Should().Be("ffmpeg");
        }

        File.Exists(marker).Should().BeFalse();
        File.Exists(Path.Combine(Environment.CurrentDirectory, "pwned")).Should().BeFalse();
    }

    [Fact]
    public void Corrupt_content_reports_ffmpegs_own_error_text()
    {
        byte[] bytes = new byte[20_000];
        new Random(7).NextBytes(bytes);
        "ID3"u8.CopyTo(bytes); // claims to be an MP3 with a tag, but the rest is noise
        string path = _dir.Write("corrupt.mp3", bytes);
        Action read = () =>
        {
            using ISampleSource source = AudioLoader.Default.Open(path);
            SignalMeasure.ReadAll(source);
        };
        read.Should().Throw<AudioFormatException>().Which.Message.Should().Contain(path).And.Contain("ffmpeg");
    }

    [Fact]
    public void Truncated_mp3_decodes_what_is_there_or_fails_typed()
    {
        string mp3 = _dir.File("full.mp3");
        TestSupport.Ffmpeg.Encode(_sourceWav, mp3, "-c:a", "libmp3lame");
        byte[] bytes = File.ReadAllBytes(mp3);
        string cut = _dir.Write("cut.mp3", bytes[..(bytes.Length / 2)]);
        try
        {
            using ISampleSource source = AudioLoader.Default.Open(cut);
            float[] samples = SignalMeasure.ReadAll(source);
            (samples.Length / 2.0 / 44100).Should().BeInRange(1.0, 2.0);
        }
        catch (AudioFormatException ex)
        {
            ex.Message.Should().Contain(cut);
        }
    }

    [Fact]
    public void Probe_reports_format_channels_rate_and_duration()
    {
        string mp3 = _dir.File("probe.mp3");
        TestSupport.Ffmpeg.Encode(_sourceWav, mp3, "-c:a", "libmp3lame", "-b:a", "192k");
        AudioFileInfo info = AudioLoader.Default.Probe(mp3);
        info.DecoderName.Should().Be("ffmpeg");
        info.FormatName.Should().Contain("mp3");
        info.SampleRate.Should().Be(44100);
        info.Channels.Should().Be(2);
        info.Duration!.Value.TotalSeconds.Should().BeApproximately(3.0, 0.1);

        AudioFileInfo wav = AudioLoader.Default.Probe(_sourceWav);
        wav.Should().BeEquivalentTo(new { DecoderName = "wav", FormatName = "WAV PCM 16-bit", SampleRate = 44100, Channels = 2, Duration = TimeSpan.FromSeconds(3) });
    }

    [Fact]
    public void Cancellation_kills_ffmpeg()
    {
        string longWav = _dir.Write("long.wav", WavBuilder.Sine(44100, 220, 60.0, channels: 2));
        string flac = _dir.File("long.flac");
        TestSupport.Ffmpeg.Encode(longWav, flac, "-c:a", "flac");
        using var cts = new CancellationTokenSource();
        int before = CountFfmpegProcesses();
        ISampleSource source = AudioLoader.Default.Open(flac, cts.Token);
        float[] buffer = new float[1024];
        source.Read(buffer).Should().BeGreaterThan(0);
        cts.Cancel();
        Action read = () => source.Read(buffer);
        read.Should().Throw<OperationCanceledException>();
        source.Dispose();
        SpinWait.SpinUntil(() => CountFfmpegProcesses() <= before, TimeSpan.FromSeconds(5)).Should().BeTrue("the ffmpeg child must be gone");
    }

    [Fact]
    public void Dispose_before_the_end_kills_ffmpeg()
    {
        string longWav = _dir.Write("long2.wav", WavBuilder.Sine(44100, 220, 60.0, channels: 2));
        int before = CountFfmpegProcesses();
        using (ISampleSource source = new FfmpegDecoder().Open(longWav))
        {
            source.Read(new float[1024]);
        }

        SpinWait.SpinUntil(() => CountFfmpegProcesses() <= before, TimeSpan.FromSeconds(5)).Should().BeTrue();
    }

    [Fact]
    public void Missing_ffmpeg_says_so_and_how_to_install_it()
    {
        var decoder = new FfmpegDecoder(new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg", FfprobePath = "/nonexistent/ffprobe" });
        Action open = () => decoder.Open(_sourceWav);
        open.Should().Throw<AudioDecoderException>().Which.Message.Should().Contain("install ffmpeg").And.Contain("apt-get install ffmpeg");
        Action probe = () => decoder.Probe(_sourceWav);
        probe.Should().Throw<AudioDecoderException>().Which.Message.Should().Contain("install ffmpeg");
    }

    [Fact]
    public void An_audio_less_container_is_a_typed_error()
    {
        string video = _dir.File("silent.mkv");
        var info = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (string a in new[] { "-hide_banner", "-loglevel", "error", "-nostdin", "-f", "lavfi", "-i", "color=c=black:s=32x32:d=1", "-c:v", "ffv1", video })
        {
            info.ArgumentList.Add(a);
        }

        using (var p = Process.Start(info)!)
        {
            p.StandardError.ReadToEnd();
            p.WaitForExit();
        }

        Action read = () =>
        {
            using ISampleSource source = AudioLoader.Default.Open(video);
            SignalMeasure.ReadAll(source);
        };
        read.Should().Throw<AudioFormatException>().Which.Message.Should().Contain("ffmpeg");
    }

    private static int CountFfmpegProcesses() => Process.GetProcessesByName("ffmpeg").Length;
}
