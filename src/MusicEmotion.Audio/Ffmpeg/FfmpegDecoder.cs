using System.Globalization;
using System.Text.Json;
using MusicEmotion.Audio.Decoding;

namespace MusicEmotion.Audio.Ffmpeg;

/// <summary>
/// Decodes every format ffmpeg knows (mp3, flac, ogg/opus, m4a/aac, aiff, wma, ...) by running ffmpeg
/// as a child process with an argument list and streaming 32-bit float PCM from its standard output.
/// Native sample rate and channel layout are kept: mix-down and resampling happen in managed stages.
/// Note: some MP4/M4A files keep their index at the end and cannot be decoded from a non-seekable
/// stream; open those by path.
/// It claims content only while the ffmpeg executable can be found (<see cref="IsAvailable"/>), so a loader falls
/// through to the managed decoders (<c>NLayerMp3Decoder</c>, <c>NVorbisDecoder</c>) on a machine without it.
/// </summary>
public sealed class FfmpegDecoder : IAudioDecoder
{
    private readonly FfmpegOptions _options;

    /// <summary>Creates a decoder that runs ffmpeg as configured by <paramref name="options"/> (defaults: from PATH).</summary>
    public FfmpegDecoder(FfmpegOptions? options = null) => _options = options ?? new FfmpegOptions();

    /// <inheritdoc />
    public string Name => "ffmpeg";

    /// <summary>Where ffmpeg is looked for (and ffprobe, by <see cref="Probe"/>).</summary>
    public FfmpegOptions Options => _options;

    /// <summary>
    /// Whether <see cref="FfmpegOptions.FfmpegPath"/> names an existing file or resolves through <c>PATH</c>. Checked on
    /// every call (a few file-system look-ups, nothing is started), so installing ffmpeg takes effect at once.
    /// </summary>
    public bool IsAvailable => ExecutableLocator.Find(_options.FfmpegPath) is not null;

    /// <summary>Whether the content has a known audio signature and ffmpeg is installed (see <see cref="IsAvailable"/>).</summary>
    public bool CanDecode(ReadOnlySpan<byte> header) => AudioSignatures.Identify(header) is not null && IsAvailable;

    /// <inheritdoc />
    public ISampleSource Open(string path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var process = FfmpegProcess.Start(_options.FfmpegPath, DecodeArguments(InputUrl(path), fromStdin: false), path, redirectInput: false);
        return new FfmpegSampleSource(process, input: null, path, cancellationToken);
    }

    /// <inheritdoc />
    public ISampleSource Open(Stream stream, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        cancellationToken.ThrowIfCancellationRequested();
        FfmpegProcess process;
        try
        {
            process = FfmpegProcess.Start(_options.FfmpegPath, DecodeArguments("pipe:0", fromStdin: true), sourceName, redirectInput: true);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        return new FfmpegSampleSource(process, stream, sourceName, cancellationToken);
    }

    /// <inheritdoc />
    public AudioFileInfo Probe(string path, CancellationToken cancellationToken = default)
    {
        string[] arguments =
        [
            "-v", "error", "-hide_banner",
            "-select_streams", "a:0",
            "-show_entries", "format=format_name,duration,bit_rate:stream=codec_name,sample_rate,channels,duration,bit_rate",
            "-of", "json",
            InputUrl(path),
        ];
        using var process = FfmpegProcess.Start(_options.FfprobePath, arguments, path, redirectInput: false);
        using var registration = cancellationToken.Register(static p => ((FfmpegProcess)p!).Kill(), process);
        Task<string> output = process.Process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        int? exitCode = process.WaitForExit(_options.ProbeTimeout);
        cancellationToken.ThrowIfCancellationRequested();
        if (exitCode is null)
        {
            process.Kill();
            throw new AudioDecoderException(path, $"ffprobe did not finish within {_options.ProbeTimeout.TotalSeconds:0} s");
        }

        if (exitCode != 0)
        {
            throw new AudioFormatException(path, $"ffprobe could not read it (exit code {exitCode}): {process.ErrorText()}");
        }

        return ParseProbe(path, output.GetAwaiter().GetResult());
    }

    private AudioFileInfo ParseProbe(string path, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (!root.TryGetProperty("streams", out JsonElement streams) || streams.GetArrayLength() == 0)
            {
                throw new AudioFormatException(path, "the file contains no audio stream");
            }

            JsonElement stream = streams[0];
            JsonElement format = root.TryGetProperty("format", out JsonElement f) ? f : default;
            string codec = Text(stream, "codec_name") ?? "unknown";
            string container = format.ValueKind == JsonValueKind.Object ? Text(format, "format_name") ?? "unknown" : "unknown";
            int sampleRate = (int)(Number(stream, "sample_rate") ?? 0);
            int channels = (int)(Number(stream, "channels") ?? 0);
            if (sampleRate <= 0 || channels <= 0)
            {
                throw new AudioFormatException(path, $"ffprobe reports an unusable audio stream ({sampleRate} Hz, {channels} channels)");
            }

            double? seconds = Number(stream, "duration") ?? (format.ValueKind == JsonValueKind.Object ? Number(format, "duration") : null);
            double? bitRate = Number(stream, "bit_rate") ?? (format.ValueKind == JsonValueKind.Object ? Number(format, "bit_rate") : null);
            string name = container == codec ? codec : $"{container} ({codec})";
            return new AudioFileInfo(path, Name, name, sampleRate, channels,
                seconds is > 0 and < 1e9 ? TimeSpan.FromSeconds(seconds.Value) : null,
                bitRate is > 0 ? (long)bitRate.Value : null);
        }
        catch (JsonException ex)
        {
            throw new AudioDecoderException(path, $"ffprobe printed output that is not JSON: {ex.Message}", ex);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
            _ => null,
        };
    }

    // "file:" makes ffmpeg treat the argument as a local file whatever it looks like ("-x", "http:...", "a|b").
    private static string InputUrl(string path) => "file:" + Path.GetFullPath(path);

    private static List<string> DecodeArguments(string input, bool fromStdin)
    {
        var arguments = new List<string> { "-hide_banner", "-loglevel", "error" };
        if (!fromStdin)
        {
            arguments.Add("-nostdin");
        }

        arguments.AddRange(["-i", input, "-map", "0:a:0", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact",
            "-c:a", "pcm_f32le", "-f", "wav", "pipe:1"]);
        return arguments;
    }
}
