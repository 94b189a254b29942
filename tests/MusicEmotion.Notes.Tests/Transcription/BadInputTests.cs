using MusicEmotion.Audio;
using MusicEmotion.Inference;
using MusicEmotion.Tests.Shared;

namespace MusicEmotion.Notes.Tests.Transcription;

/// <summary>Bad input fails a transcription with the same typed exception as an emotion analysis of it (the real analyser).</summary>
public sealed class BadInputTests(TranscriberFixture fixture) : IClassFixture<TranscriberFixture>
{
    public static TheoryData<string> Cases() => ["missing file", "directory", "empty file", "random bytes", "wav with no channels", "wav without samples", "truncated mp3 header", "flac without ffmpeg claim"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_fails_as_it_fails_an_emotion_analysis(string kind)
    {
        string path = Make(kind);
        using var analyzer = EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions { Describe = false });

        Exception? analysis = await Record(() => analyzer.AnalyzeAsync(path));
        Exception? transcription = await Record(() => fixture.Transcriber.TranscribeAsync(path));
        Exception? streaming = await Record(async () =>
        {
            await foreach (NoteEvent _ in fixture.Transcriber.TranscribeStreamingAsync(path))
            {
            }
        });

        analysis.Should().NotBeNull().And.BeAssignableTo<AudioException>();
        transcription.Should().BeOfType(analysis!.GetType());
        Normalise(transcription!.Message).Should().Be(Normalise(analysis.Message));
        streaming.Should().BeOfType(analysis.GetType());
    }

    private string Make(string kind) => kind switch
    {
        "missing file" => Path.Combine(fixture.Directory, "missing.wav"),
        "directory" => fixture.Directory,
        "empty file" => fixture.Write("empty.wav", []),
        "random bytes" => fixture.Write("noise.mp3", Enumerable.Range(0, 5000).Select(i => (byte)((i * 7919) % 251)).ToArray()),
        "wav with no channels" => fixture.Write("nochannels.wav", WithChannels(PcmWav.Encode16(new float[100], 22050, 1), 0)),
        "wav without samples" => fixture.Write("nosamples.wav", PcmWav.Encode16([], 22050, 1)),
        "truncated mp3 header" => fixture.Write("truncated.mp3", [0x49, 0x44, 0x33, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x7F]),
        "flac without ffmpeg claim" => fixture.Write("song.flac", [.. "fLaC"u8, 0, 0, 0, 34, .. new byte[34]]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>ffmpeg's messages name its objects by address; nothing else may differ.</summary>
    private static string Normalise(string message) => System.Text.RegularExpressions.Regex.Replace(message, "0x[0-9a-f]+", "0x…");

    private static byte[] WithChannels(byte[] wav, short channels)
    {
        BitConverter.GetBytes(channels).CopyTo(wav, 22);
        return wav;
    }

    private static async Task<Exception?> Record(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
