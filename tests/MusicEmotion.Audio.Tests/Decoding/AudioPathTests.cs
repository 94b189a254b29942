namespace MusicEmotion.Audio.Tests.Decoding;

/// <summary>Paths that name no file are refused before any decoder is asked, with a typed exception that says why.</summary>
public sealed class AudioPathTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_directory_is_not_a_file()
    {
        Action open = () => AudioLoader.Default.Open(_dir.Path);
        open.Should().Throw<AudioSourceNotFoundException>().WithMessage("*is a directory*");
    }

    [Fact]
    public void A_missing_path()
    {
        string path = _dir.File("nope.wav");
        Action open = () => AudioLoader.Default.Open(path);
        open.Should().Throw<AudioSourceNotFoundException>().WithMessage($"{path}: file not found");
    }

    [Fact]
    public void A_path_with_a_nul_character()
    {
        Action open = () => AudioLoader.Default.Open("bad\0name.wav");
        open.Should().Throw<AudioSourceNotFoundException>().WithMessage("*NUL*");
    }

    [Fact]
    public void Empty_path_is_an_argument_error()
    {
        Action open = () => AudioLoader.Default.Open("");
        open.Should().Throw<ArgumentException>();
    }
}
