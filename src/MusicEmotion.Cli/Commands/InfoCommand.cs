using System.CommandLine;
using System.Globalization;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Decoding;

namespace MusicEmotion.Cli.Commands;

/// <summary><c>mer info &lt;audio&gt;</c>: format, channels, sample rate, duration and decoder of one file.</summary>
internal static class InfoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var audio = new Argument<string>("audio") { Description = "The audio file to inspect (WAV natively; anything else through ffmpeg, or in process for MP3 and Ogg Vorbis where ffmpeg is missing)." };
        var command = new Command("info", "Show format, channels, sample rate, duration and the decoder chosen for an audio file.") { audio };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            string path = parse.GetValue(audio)!;
            AudioFileInfo info = await Task.Run(() => AudioLoader.Default.Probe(path, cancellationToken), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(Format(info)).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static string Format(AudioFileInfo info)
    {
        var c = CultureInfo.InvariantCulture;
        string duration = info.Duration is { } d ? string.Create(c, $"{d.TotalSeconds:0.000} s ({d:hh\\:mm\\:ss\\.fff})") : "unknown";
        string bitRate = info.BitRate is { } b ? string.Create(c, $"{b / 1000.0:0.#} kbit/s") : "unknown";
        return string.Join(Environment.NewLine,
            $"file:         {info.SourceName}",
            $"format:       {info.FormatName}",
            $"decoder:      {info.DecoderName}",
            string.Create(c, $"channels:     {info.Channels}"),
            string.Create(c, $"sample rate:  {info.SampleRate} Hz"),
            $"duration:     {duration}",
            $"bit rate:     {bitRate}");
    }
}
