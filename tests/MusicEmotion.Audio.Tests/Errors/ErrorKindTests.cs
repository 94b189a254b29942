using MusicEmotion.Audio.Ffmpeg;
using MusicEmotion.Audio.Tests.TestSupport;

namespace MusicEmotion.Audio.Tests.Errors;

/// <summary>
/// Audio's failures classify themselves (<see cref="MusicEmotionException.Kind"/>): what was given is bad input, a
/// decoder that cannot run is the environment, so that hosts map them without a list of exception types.
/// </summary>
public sealed class ErrorKindTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_missing_file_is_bad_input() =>
        KindOf(() => AudioLoader.Default.Open(_dir.File("nope.wav"))).Should().Be(MusicEmotionErrorKind.Input);

    [Fact]
    public void Content_that_is_not_audio_is_bad_input() =>
        KindOf(() => AudioLoader.Default.Open(_dir.Write("text.wav", "hello, this is not audio\n"u8.ToArray()))).Should().Be(MusicEmotionErrorKind.Input);

    [Fact]
    public void A_broken_wav_is_bad_input()
    {
        byte[] full = WavBuilder.Sine(8000, 440, 0.1);
        KindOf(() => AudioLoader.Default.Open(_dir.Write("cut.wav", full[..30]))).Should().Be(MusicEmotionErrorKind.Input);
    }

    [Fact]
    public void A_decoder_program_that_is_not_installed_is_the_environment()
    {
        string wav = _dir.Write("sine.wav", WavBuilder.Sine(8000, 440, 0.5));
        var decoder = new FfmpegDecoder(new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg", FfprobePath = "/nonexistent/ffprobe" });
        KindOf(() => decoder.Open(wav)).Should().Be(MusicEmotionErrorKind.Environment);
    }

    private static MusicEmotionErrorKind KindOf(Func<ISampleSource> open)
    {
        Action read = () =>
        {
            using ISampleSource source = open();
            float[] buffer = new float[1024];
            while (source.Read(buffer) > 0)
            {
            }
        };
        return read.Should().Throw<MusicEmotionException>().Which.Kind;
    }
}
